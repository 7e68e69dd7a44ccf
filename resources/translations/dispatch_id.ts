<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="id_ID" sourcelanguage="en_GB">
<context>
    <name>About</name>
    <message>
        <source>About the Call Center 112 console</source>
        <translation>Tentang konsol Call Center 112</translation>
    </message>
    <message>
        <source>Call Center 112 dispatch console %1</source>
        <translation>Konsol Call Center 112 %1</translation>
    </message>
    <message>
        <source>(version unknown: not installed)</source>
        <translation>(versi tidak diketahui: tidak terpasang)</translation>
    </message>
    <message>
        <source>Training (simulated calls; never a live 112 line)</source>
        <translation>Pelatihan (panggilan simulasi; bukan saluran 112 operasional)</translation>
    </message>
    <message>
        <source>Live</source>
        <translation>Operasional</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>Basis data</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Jenis</translation>
    </message>
    <message>
        <source>Schema revision</source>
        <translation>Revisi skema</translation>
    </message>
    <message>
        <source>not read (the database did not answer)</source>
        <translation>tidak terbaca (basis data tidak menjawab)</translation>
    </message>
    <message>
        <source>Console</source>
        <translation>Konsol</translation>
    </message>
    <message>
        <source>Licence</source>
        <translation>Lisensi</translation>
    </message>
    <message>
        <source>Runs on</source>
        <translation>Berjalan di atas</translation>
    </message>
    <message>
        <source>Qt %1, PySide6 %2, Python %3</source>
        <translation>Qt %1, PySide6 %2, Python %3</translation>
    </message>
    <message>
        <source>This program is free software: you can redistribute it and/or modify it under the terms of the GNU General Public License, version 3 or (at your option) any later version. It comes with ABSOLUTELY NO WARRANTY.</source>
        <translation>Program ini perangkat lunak bebas: Anda boleh menyebarluaskan dan/atau mengubahnya menurut ketentuan GNU General Public License versi 3 atau (sesuai pilihan Anda) versi yang lebih baru. Program ini datang TANPA JAMINAN APA PUN.</translation>
    </message>
</context>
<context>
    <name>Accounts</name>
    <message>
        <source>2 to 32 characters: lower-case letters, digits, dot, dash or underscore.</source>
        <translation>2 sampai 32 karakter: huruf kecil, angka, titik, tanda hubung, atau garis bawah.</translation>
    </message>
    <message>
        <source>This username is already taken.</source>
        <translation>Nama pengguna ini sudah dipakai.</translation>
    </message>
    <message>
        <source>Enter the person's full name.</source>
        <translation>Masukkan nama lengkap pengguna.</translation>
    </message>
    <message>
        <source>At least %1 characters.</source>
        <translation>Minimal %1 karakter.</translation>
    </message>
    <message>
        <source>At most %1 characters.</source>
        <translation>Paling banyak %1 karakter.</translation>
    </message>
    <message>
        <source>This password is one of the most common ones: choose another.</source>
        <translation>Kata sandi ini termasuk yang paling umum dipakai: pilih yang lain.</translation>
    </message>
    <message>
        <source>The password must not contain the username.</source>
        <translation>Kata sandi tidak boleh memuat nama pengguna.</translation>
    </message>
    <message>
        <source>One character repeated is not a password: choose another.</source>
        <translation>Satu karakter yang diulang-ulang bukan kata sandi: pilih yang lain.</translation>
    </message>
    <message>
        <source>The two passwords are not the same.</source>
        <translation>Kedua kata sandi tidak sama.</translation>
    </message>
    <message>
        <source>A password has at least %1 characters, is not one of the most common ones and does not contain the username.</source>
        <translation>Kata sandi minimal %1 karakter, bukan yang paling umum dipakai, dan tidak memuat nama pengguna.</translation>
    </message>
    <message>
        <source>First start: create the supervisor account</source>
        <translation>Penggunaan pertama: buat akun koordinator</translation>
    </message>
    <message>
        <source>This database has no accounts yet. Create the first supervisor; the supervisor then adds the call-takers and dispatchers.</source>
        <translation>Basis data ini belum memiliki akun. Buat akun koordinator pertama; koordinator kemudian menambahkan operator dan petugas dispatch.</translation>
    </message>
    <message>
        <source>&amp;Username</source>
        <translation>&amp;Nama pengguna</translation>
    </message>
    <message>
        <source>&amp;Full name</source>
        <translation>Nama &amp;lengkap</translation>
    </message>
    <message>
        <source>&amp;Password</source>
        <translation>&amp;Kata sandi</translation>
    </message>
    <message>
        <source>&amp;Repeat password</source>
        <translation>&amp;Ulangi kata sandi</translation>
    </message>
    <message>
        <source>Console locked: Call Center 112 (%1)</source>
        <translation>Konsol terkunci: Call Center 112 (%1)</translation>
    </message>
    <message>
        <source>Change user: Call Center 112 (%1)</source>
        <translation>Ganti pengguna: Call Center 112 (%1)</translation>
    </message>
    <message>
        <source>Log in: Call Center 112 (%1)</source>
        <translation>Masuk: Call Center 112 (%1)</translation>
    </message>
    <message>
        <source>No one is logged in at this console. The next user logs in here.</source>
        <translation>Tidak ada yang masuk di konsol ini. Pengguna berikutnya masuk di sini.</translation>
    </message>
    <message>
        <source>&amp;Log in</source>
        <translation>&amp;Masuk</translation>
    </message>
    <message>
        <source>&amp;Quit the console</source>
        <translation>&amp;Keluar dari konsol</translation>
    </message>
    <message>
        <source>Wrong username or password.</source>
        <translation>Nama pengguna atau kata sandi salah.</translation>
    </message>
    <message>
        <source>Too many wrong passwords: this account is locked for 15 minutes. Ask a supervisor.</source>
        <translation>Terlalu banyak kata sandi salah: akun ini dikunci selama 15 menit. Hubungi koordinator.</translation>
    </message>
    <message>
        <source>This account is disabled. Ask a supervisor.</source>
        <translation>Akun ini dinonaktifkan. Hubungi koordinator.</translation>
    </message>
    <message>
        <source>User accounts</source>
        <translation>Akun pengguna</translation>
    </message>
    <message>
        <source>Username</source>
        <translation>Nama pengguna</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>Nama lengkap</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Peran</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Last login</source>
        <translation>Terakhir masuk</translation>
    </message>
    <message>
        <source>Selected account</source>
        <translation>Akun yang dipilih</translation>
    </message>
    <message>
        <source>Choose an account in the list.</source>
        <translation>Pilih akun dalam daftar.</translation>
    </message>
    <message>
        <source>Reac&amp;tivate</source>
        <translation>Akti&amp;fkan lagi</translation>
    </message>
    <message>
        <source>&amp;Deactivate</source>
        <translation>Non&amp;aktifkan</translation>
    </message>
    <message>
        <source>&amp;Change role</source>
        <translation>&amp;Ganti peran</translation>
    </message>
    <message>
        <source>New ro&amp;le</source>
        <translation>P&amp;eran baru</translation>
    </message>
    <message>
        <source>New pass&amp;word</source>
        <translation>Kata san&amp;di baru</translation>
    </message>
    <message>
        <source>Re&amp;set password</source>
        <translation>&amp;Setel ulang kata sandi</translation>
    </message>
    <message>
        <source>Add an account</source>
        <translation>Tambah akun</translation>
    </message>
    <message>
        <source>R&amp;ole</source>
        <translation>Pe&amp;ran</translation>
    </message>
    <message>
        <source>&amp;Add account</source>
        <translation>&amp;Tambah akun</translation>
    </message>
    <message>
        <source>Only a supervisor or an administrator can add accounts.</source>
        <translation>Hanya koordinator atau administrator yang dapat menambah akun.</translation>
    </message>
    <message>
        <source>%1 is logged in. The next user logs in here; Cancel keeps them logged in.</source>
        <translation>%1 sedang masuk. Pengguna berikutnya masuk di sini; Batal membiarkannya tetap masuk.</translation>
    </message>
    <message>
        <source>U&amp;nlock</source>
        <translation>&amp;Buka kunci</translation>
    </message>
    <message>
        <source>Rep&amp;eat new password</source>
        <translation>Ulangi kata sand&amp;i baru</translation>
    </message>
    <message>
        <source>Deactivated</source>
        <translation>Nonaktif</translation>
    </message>
    <message>
        <source>Locked until %1</source>
        <translation>Terkunci sampai %1</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Aktif</translation>
    </message>
    <message>
        <source>%1 (%2): %3</source>
        <translation>%1 (%2): %3</translation>
    </message>
    <message>
        <source>Account %1 unlocked.</source>
        <translation>Kunci akun %1 sudah dibuka.</translation>
    </message>
    <message>
        <source>Account %1 deactivated: it can no longer log in.</source>
        <translation>Akun %1 dinonaktifkan: tidak bisa masuk lagi.</translation>
    </message>
    <message>
        <source>Account %1 reactivated.</source>
        <translation>Akun %1 diaktifkan lagi.</translation>
    </message>
    <message>
        <source>%1 already has this role.</source>
        <translation>%1 sudah memiliki peran ini.</translation>
    </message>
    <message>
        <source>Role of %1 changed.</source>
        <translation>Peran %1 sudah diganti.</translation>
    </message>
    <message>
        <source>Password of %1 reset; tell them the new one in person.</source>
        <translation>Kata sandi %1 sudah disetel ulang; sampaikan kata sandi baru secara langsung.</translation>
    </message>
    <message>
        <source>Account %1 added.</source>
        <translation>Akun %1 ditambahkan.</translation>
    </message>
</context>
<context>
    <name>Actions</name>
    <message>
        <source>&amp;Call</source>
        <translation>&amp;Panggilan</translation>
    </message>
    <message>
        <source>&amp;Incident</source>
        <translation>&amp;Kejadian</translation>
    </message>
    <message>
        <source>&amp;Dispatch</source>
        <translation>Pengiriman &amp;unit</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Tampilan</translation>
    </message>
    <message>
        <source>&amp;Shift</source>
        <translation>&amp;Shift</translation>
    </message>
    <message>
        <source>&amp;Training</source>
        <translation>Pe&amp;latihan</translation>
    </message>
    <message>
        <source>C&amp;onsole</source>
        <translation>K&amp;onsol</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Bantuan</translation>
    </message>
    <message>
        <source>No incident is open.</source>
        <translation>Tidak ada kejadian yang dibuka.</translation>
    </message>
    <message>
        <source>No open incident to close.</source>
        <translation>Tidak ada kejadian terbuka untuk ditutup.</translation>
    </message>
    <message>
        <source>Open a closed incident first (Enter on its call).</source>
        <translation>Buka dulu kejadian yang sudah ditutup (Enter pada panggilannya).</translation>
    </message>
    <message>
        <source>Only a training console runs scenarios.</source>
        <translation>Hanya konsol pelatihan yang menjalankan skenario.</translation>
    </message>
    <message>
        <source>Answer the longest-ringing call</source>
        <translation>Jawab panggilan yang terlama berdering</translation>
    </message>
    <message>
        <source>answer the longest-ringing call (or the ringing call selected); the incident opens, focus on Category</source>
        <translation>jawab panggilan yang terlama berdering (atau panggilan berdering yang dipilih); kejadian terbuka, kursor di Kategori</translation>
    </message>
    <message>
        <source>Hang up the current call</source>
        <translation>Akhiri panggilan saat ini</translation>
    </message>
    <message>
        <source>hang up the current call (the incident goes on)</source>
        <translation>akhiri panggilan saat ini (kejadian tetap berjalan)</translation>
    </message>
    <message>
        <source>Close the call as not an emergency</source>
        <translation>Tutup panggilan sebagai bukan darurat</translation>
    </message>
    <message>
        <source>close the call as Information, Prank, Silent (to the callback queue) or Wrong number / test</source>
        <translation>tutup panggilan sebagai Informasi, Iseng, Tanpa suara (masuk antrean panggilan balik) atau Salah sambung / uji</translation>
    </message>
    <message>
        <source>Attach the call to the suggested incident</source>
        <translation>Gabungkan panggilan ke kejadian yang disarankan</translation>
    </message>
    <message>
        <source>attach the call to the suggested duplicate incident</source>
        <translation>gabungkan panggilan ke kejadian duplikat yang disarankan</translation>
    </message>
    <message>
        <source>Call back the selected caller</source>
        <translation>Telepon balik pelapor terpilih</translation>
    </message>
    <message>
        <source>call back the selected caller: reached (no emergency), reached (emergency: opens an incident), no answer, busy, unreachable</source>
        <translation>telepon balik pelapor terpilih: terhubung (bukan darurat), terhubung (darurat: membuka kejadian), tidak diangkat, sibuk, tidak dapat dihubungi</translation>
    </message>
    <message>
        <source>Close the callback (supervisor)</source>
        <translation>Tutup panggilan balik (koordinator)</translation>
    </message>
    <message>
        <source>close a callback (supervisor, with a note)</source>
        <translation>tutup panggilan balik (koordinator, dengan catatan)</translation>
    </message>
    <message>
        <source>Edit the incident form</source>
        <translation>Ubah formulir kejadian</translation>
    </message>
    <message>
        <source>back to the incident form</source>
        <translation>kembali ke formulir kejadian</translation>
    </message>
    <message>
        <source>Find the area (kelurahan, kecamatan…)</source>
        <translation>Cari wilayah (kelurahan, kecamatan…)</translation>
    </message>
    <message>
        <source>find the area: type a kelurahan, kecamatan or kota; arrows and Enter pick</source>
        <translation>cari wilayah: ketik kelurahan, kecamatan atau kota; pilih dengan panah dan Enter</translation>
    </message>
    <message>
        <source>Add a note to the narrative</source>
        <translation>Tambah catatan ke kronologi</translation>
    </message>
    <message>
        <source>add a note to the narrative (Enter saves it)</source>
        <translation>tambah catatan ke kronologi (Enter menyimpannya)</translation>
    </message>
    <message>
        <source>Correct the selected note</source>
        <translation>Koreksi catatan terpilih</translation>
    </message>
    <message>
        <source>correct the selected note (a new note naming the old one)</source>
        <translation>koreksi catatan terpilih (catatan baru yang menyebut catatan lama)</translation>
    </message>
    <message>
        <source>Go to the protocol card</source>
        <translation>Ke kartu protokol</translation>
    </message>
    <message>
        <source>the protocol card: arrows choose a question, a digit answers it (1 yes, 2 no, 3 don't know)</source>
        <translation>kartu protokol: panah memilih pertanyaan, angka menjawabnya (1 ya, 2 tidak, 3 tidak tahu)</translation>
    </message>
    <message>
        <source>Close the incident</source>
        <translation>Tutup kejadian</translation>
    </message>
    <message>
        <source>close the incident with a disposition; asks first, naming them, while units are still out (they are released and become available)</source>
        <translation>tutup kejadian dengan hasil akhir; bertanya dulu, menyebut unitnya, bila masih ada unit bertugas (unit dilepas dan menjadi tersedia)</translation>
    </message>
    <message>
        <source>Reopen the incident shown (closed or cancelled)</source>
        <translation>Buka ulang kejadian yang tampil (ditutup atau dibatalkan)</translation>
    </message>
    <message>
        <source>reopen the closed incident shown (Enter on its call shows it)</source>
        <translation>buka ulang kejadian tertutup yang tampil (Enter pada panggilannya menampilkannya)</translation>
    </message>
    <message>
        <source>Choose units to dispatch</source>
        <translation>Pilih unit untuk dikirim</translation>
    </message>
    <message>
        <source>choose units: the category's agencies first (★); Space marks, Enter dispatches the marked units</source>
        <translation>pilih unit: instansi kategori ini lebih dulu (★); Spasi menandai, Enter mengirim unit yang ditandai</translation>
    </message>
    <message>
        <source>Dispatch the recommended units</source>
        <translation>Kirim unit yang direkomendasikan</translation>
    </message>
    <message>
        <source>dispatch the recommended units</source>
        <translation>kirim unit yang direkomendasikan</translation>
    </message>
    <message>
        <source>Move the selected unit to its next status</source>
        <translation>Pindahkan unit ke status berikutnya</translation>
    </message>
    <message>
        <source>move the selected unit (assigned units, or the unit board) to its next status</source>
        <translation>pindahkan unit terpilih (unit bertugas, atau papan unit) ke status berikutnya</translation>
    </message>
    <message>
        <source>Choose the selected unit's status</source>
        <translation>Pilih status unit</translation>
    </message>
    <message>
        <source>choose the selected unit's status from those allowed</source>
        <translation>pilih status unit terpilih dari yang diizinkan</translation>
    </message>
    <message>
        <source>Override the unit's status (supervisor)</source>
        <translation>Ubah paksa status unit (koordinator)</translation>
    </message>
    <message>
        <source>override the unit's status (supervisor; asks for a reason, audited)</source>
        <translation>ubah paksa status unit (koordinator; meminta alasan, tercatat di log audit)</translation>
    </message>
    <message>
        <source>Forward to an agency</source>
        <translation>Teruskan ke instansi</translation>
    </message>
    <message>
        <source>forward the incident to the agencies its category and area call for: whom to call and how; Enter records a forwarding, Ctrl+T again goes to the forwardings and what the agencies reported</source>
        <translation>teruskan kejadian ke instansi yang sesuai kategori dan wilayahnya: siapa yang dihubungi dan caranya; Enter mencatat penerusan, Ctrl+T sekali lagi ke daftar penerusan dan laporan instansi</translation>
    </message>
    <message>
        <source>Cameras near the incident</source>
        <translation>Kamera di dekat kejadian</translation>
    </message>
    <message>
        <source>the CCTV cameras nearest to the incident, with their distance; Enter plays a camera's stream, S attaches a still of it to the incident (its SHA-256 in the narrative), Esc stops</source>
        <translation>kamera CCTV terdekat dengan kejadian, dengan jaraknya; Enter memutar tayangan langsung kamera, S melampirkan cuplikan gambarnya ke kejadian (sidik SHA-256-nya di kronologi), Esc menghentikan</translation>
    </message>
    <message>
        <source>Command line</source>
        <translation>Baris perintah</translation>
    </message>
    <message>
        <source>command line (Tab completes, arrows recall, Esc leaves); commands in Help (F1)</source>
        <translation>baris perintah (Tab melengkapi, panah memanggil ulang, Esc keluar); daftar perintah di Bantuan (F1)</translation>
    </message>
    <message>
        <source>Find a unit or an incident (command line)</source>
        <translation>Cari unit atau kejadian (baris perintah)</translation>
    </message>
    <message>
        <source>Go to calls</source>
        <translation>Ke daftar panggilan</translation>
    </message>
    <message>
        <source>go to calls</source>
        <translation>ke daftar panggilan</translation>
    </message>
    <message>
        <source>Go to active incidents</source>
        <translation>Ke daftar kejadian aktif</translation>
    </message>
    <message>
        <source>go to active incidents</source>
        <translation>ke daftar kejadian aktif</translation>
    </message>
    <message>
        <source>Go to units</source>
        <translation>Ke daftar unit</translation>
    </message>
    <message>
        <source>go to the unit board</source>
        <translation>ke papan unit</translation>
    </message>
    <message>
        <source>Go to callbacks</source>
        <translation>Ke daftar panggilan balik</translation>
    </message>
    <message>
        <source>go to callbacks</source>
        <translation>ke daftar panggilan balik</translation>
    </message>
    <message>
        <source>Filter the unit board</source>
        <translation>Filter papan unit</translation>
    </message>
    <message>
        <source>filter the unit board (call sign, agency, status, station)</source>
        <translation>filter papan unit (kode unit, instansi, status, pos)</translation>
    </message>
    <message>
        <source>Go to the situation map</source>
        <translation>Ke peta situasi</translation>
    </message>
    <message>
        <source>the situation map: open incidents and units; arrows move it, + and - zoom, N and P select an incident, Enter opens it</source>
        <translation>peta situasi: kejadian aktif dan unit; panah menggeser, + dan - memperbesar dan memperkecil, N dan P memilih kejadian, Enter membukanya</translation>
    </message>
    <message>
        <source>Call-taker position</source>
        <translation>Posisi operator</translation>
    </message>
    <message>
        <source>call-taker position: calls and callers, the incident form, the protocol card</source>
        <translation>posisi operator: panggilan dan pelapor, formulir kejadian, kartu protokol</translation>
    </message>
    <message>
        <source>Dispatcher position</source>
        <translation>Posisi petugas dispatch</translation>
    </message>
    <message>
        <source>dispatcher position: incidents, the incident with its dispatch panel, the unit board</source>
        <translation>posisi petugas dispatch: daftar kejadian, kejadian dengan panel pengiriman unit, papan unit</translation>
    </message>
    <message>
        <source>Supervisor position</source>
        <translation>Posisi koordinator</translation>
    </message>
    <message>
        <source>supervisor position: calls, incidents and callbacks, units, overdue timers, the duty shift</source>
        <translation>posisi koordinator: panggilan, kejadian dan panggilan balik, unit, lewat batas waktu, shift yang berjalan</translation>
    </message>
    <message>
        <source>Review position</source>
        <translation>Posisi tinjauan</translation>
    </message>
    <message>
        <source>review position (supervisor): the shift log with timelines and quality review; the figures and the handover beside it</source>
        <translation>posisi tinjauan (koordinator): log shift dengan garis waktu dan tinjauan mutu; angka kinerja dan serah terima di sampingnya</translation>
    </message>
    <message>
        <source>Trainer position</source>
        <translation>Posisi pelatih</translation>
    </message>
    <message>
        <source>trainer position (training): the trainer's panel and the debrief; the units and calls beside them</source>
        <translation>posisi pelatih (pelatihan): panel pelatih dan evaluasi; unit dan panggilan di sampingnya</translation>
    </message>
    <message>
        <source>Go to the duty shift and its handover</source>
        <translation>Ke shift yang berjalan dan serah terimanya</translation>
    </message>
    <message>
        <source>the duty shift (supervisor): who is on duty, pass-down instructions, the handover report</source>
        <translation>shift yang berjalan (koordinator): petugas yang berjaga, pesan untuk shift berikutnya, laporan serah terima</translation>
    </message>
    <message>
        <source>Open the shift</source>
        <translation>Buka shift</translation>
    </message>
    <message>
        <source>open the shift of the centre's pattern now (supervisor); then type the pass-down instructions</source>
        <translation>buka shift pola pusat yang berlaku sekarang (koordinator); lalu ketik pesan untuk shift berikutnya</translation>
    </message>
    <message>
        <source>Close the shift</source>
        <translation>Tutup shift</translation>
    </message>
    <message>
        <source>close the open shift (supervisor; asks first)</source>
        <translation>tutup shift yang terbuka (koordinator; bertanya dulu)</translation>
    </message>
    <message>
        <source>Sign off the handover report</source>
        <translation>Tanda tangani laporan serah terima</translation>
    </message>
    <message>
        <source>sign off the closed shift's handover report (outgoing lead; asks first; signed, it never changes)</source>
        <translation>tanda tangani laporan serah terima shift yang sudah ditutup (koordinator yang keluar; bertanya dulu; setelah ditandatangani tidak bisa diubah)</translation>
    </message>
    <message>
        <source>Acknowledge the handover report</source>
        <translation>Terima laporan serah terima</translation>
    </message>
    <message>
        <source>acknowledge the signed handover report (incoming lead, another supervisor: Ctrl+Shift+L first; asks first)</source>
        <translation>terima laporan serah terima yang sudah ditandatangani (koordinator yang masuk, orang lain: Ctrl+Shift+L dulu; bertanya dulu)</translation>
    </message>
    <message>
        <source>Add an addendum to the signed report</source>
        <translation>Tambah adendum pada laporan yang ditandatangani</translation>
    </message>
    <message>
        <source>add an addendum to the signed handover report (Enter saves it; the report stays as signed)</source>
        <translation>tambah adendum pada laporan serah terima yang ditandatangani (Enter menyimpan; laporannya tetap seperti saat ditandatangani)</translation>
    </message>
    <message>
        <source>Print the report</source>
        <translation>Cetak laporan</translation>
    </message>
    <message>
        <source>print the handover report shown (the figures, when the figures panel has the focus)</source>
        <translation>cetak laporan serah terima yang tampil (angka kinerja, bila panel angka kinerja sedang aktif)</translation>
    </message>
    <message>
        <source>Save the report as PDF, CSV or JSON</source>
        <translation>Simpan laporan sebagai PDF, CSV atau JSON</translation>
    </message>
    <message>
        <source>save the handover report shown (or the figures) as PDF, CSV or JSON, in your language</source>
        <translation>simpan laporan serah terima yang tampil (atau angka kinerja) sebagai PDF, CSV atau JSON, dalam bahasa Anda</translation>
    </message>
    <message>
        <source>Shift log</source>
        <translation>Log shift</translation>
    </message>
    <message>
        <source>shift log (supervisor): filter calls and incidents as you type; Enter on a row shows its timeline</source>
        <translation>log shift (koordinator): saring panggilan dan kejadian sambil mengetik; Enter pada baris menampilkan garis waktunya</translation>
    </message>
    <message>
        <source>Go to the trainer's panel</source>
        <translation>Ke panel pelatih</translation>
    </message>
    <message>
        <source>the trainer's panel: scenarios, trainees (Space marks), the session's calls as the trainees fill them in</source>
        <translation>panel pelatih: skenario, peserta (Spasi menandai), panggilan sesi saat peserta mengisinya</translation>
    </message>
    <message>
        <source>Start the scenario</source>
        <translation>Mulai skenario</translation>
    </message>
    <message>
        <source>start the chosen scenario for the trainees marked</source>
        <translation>mulai skenario yang dipilih untuk peserta yang ditandai</translation>
    </message>
    <message>
        <source>Pause or resume the scenario</source>
        <translation>Jeda atau lanjutkan skenario</translation>
    </message>
    <message>
        <source>pause the scenario (nothing rings, no simulated unit moves) or resume it</source>
        <translation>jeda skenario (tidak ada panggilan masuk, tidak ada unit simulasi bergerak) atau lanjutkan</translation>
    </message>
    <message>
        <source>Scenario speed</source>
        <translation>Kecepatan skenario</translation>
    </message>
    <message>
        <source>the scenario's speed: half, normal, 2, 4 or 8 times</source>
        <translation>kecepatan skenario: setengah, normal, 2, 4 atau 8 kali</translation>
    </message>
    <message>
        <source>Ring a scenario call now</source>
        <translation>Sisipkan panggilan skenario sekarang</translation>
    </message>
    <message>
        <source>ring one of the scenario's calls not yet rung, now</source>
        <translation>sisipkan sekarang salah satu panggilan skenario yang belum masuk</translation>
    </message>
    <message>
        <source>Play the caller: type a line</source>
        <translation>Perankan pelapor: ketik ucapannya</translation>
    </message>
    <message>
        <source>play the caller of the call selected in the trainer's panel: type a line, Enter says it</source>
        <translation>perankan pelapor panggilan yang dipilih di panel pelatih: ketik ucapan, Enter mengucapkannya</translation>
    </message>
    <message>
        <source>Delay the selected unit</source>
        <translation>Tunda unit yang dipilih</translation>
    </message>
    <message>
        <source>hold the selected simulated unit: its next status comes 30 s to 5 min later</source>
        <translation>tahan unit simulasi yang dipilih: status berikutnya datang 30 detik sampai 5 menit kemudian</translation>
    </message>
    <message>
        <source>Take the selected unit out of service</source>
        <translation>Jadikan unit yang dipilih tidak beroperasi</translation>
    </message>
    <message>
        <source>the selected simulated unit breaks down: released from its incident, out of service</source>
        <translation>unit simulasi yang dipilih rusak: dilepas dari kejadiannya, tidak beroperasi</translation>
    </message>
    <message>
        <source>End and score the scenario</source>
        <translation>Akhiri dan nilai skenario</translation>
    </message>
    <message>
        <source>end the scenario and score each call against its truth (asks first); the debrief follows</source>
        <translation>akhiri skenario dan nilai setiap panggilan terhadap yang diharapkan (bertanya dulu); lalu evaluasi</translation>
    </message>
    <message>
        <source>Debrief</source>
        <translation>Evaluasi</translation>
    </message>
    <message>
        <source>the debrief of a session and trainee: actions beside the expected ones, scores, history</source>
        <translation>evaluasi sesi dan peserta: tindakan di samping yang diharapkan, nilai, riwayat</translation>
    </message>
    <message>
        <source>Save the debrief as PDF</source>
        <translation>Simpan evaluasi sebagai PDF</translation>
    </message>
    <message>
        <source>save the debrief shown as PDF, in your language</source>
        <translation>simpan evaluasi yang ditampilkan sebagai PDF, dalam bahasa Anda</translation>
    </message>
    <message>
        <source>Quality review</source>
        <translation>Tinjauan mutu</translation>
    </message>
    <message>
        <source>quality review (supervisor): draw a sample of the period's calls, score each on the review form</source>
        <translation>tinjauan mutu (koordinator): ambil sampel panggilan periode itu, nilai masing-masing dengan formulir tinjauan</translation>
    </message>
    <message>
        <source>Figures</source>
        <translation>Angka kinerja</translation>
    </message>
    <message>
        <source>figures and charts of a shift or a period: answer and processing times against their targets</source>
        <translation>angka kinerja dan grafik satu shift atau periode: waktu jawab dan waktu proses dibanding targetnya</translation>
    </message>
    <message>
        <source>Acknowledge alarms</source>
        <translation>Konfirmasi alarm</translation>
    </message>
    <message>
        <source>acknowledge feed alarms and overdue-timer alerts</source>
        <translation>konfirmasi alarm sumber panggilan dan peringatan lewat batas waktu</translation>
    </message>
    <message>
        <source>Watch list (supervisor)</source>
        <translation>Daftar pantau (koordinator)</translation>
    </message>
    <message>
        <source>watch list and telco block requests (supervisors edit)</source>
        <translation>daftar pantau dan permintaan blokir ke operator seluler (koordinator mengubah)</translation>
    </message>
    <message>
        <source>User accounts</source>
        <translation>Akun pengguna</translation>
    </message>
    <message>
        <source>user accounts (supervisors and administrators add accounts)</source>
        <translation>akun pengguna (koordinator dan administrator menambah akun)</translation>
    </message>
    <message>
        <source>Unit roster</source>
        <translation>Daftar unit</translation>
    </message>
    <message>
        <source>unit roster (supervisors edit; CSV import and export)</source>
        <translation>daftar unit (koordinator mengubah; impor dan ekspor CSV)</translation>
    </message>
    <message>
        <source>Agency directory and cameras…</source>
        <translation>Direktori instansi dan daftar kamera…</translation>
    </message>
    <message>
        <source>agency directory (whom to call for which categories and areas) and camera registry, CSV import and export</source>
        <translation>direktori instansi (siapa dihubungi untuk kategori dan wilayah mana) dan daftar kamera, impor dan ekspor CSV</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Pengaturan</translation>
    </message>
    <message>
        <source>settings (language, console name, time zone, centre's area, ETA speed, timer limits, feeds)</source>
        <translation>pengaturan (bahasa, nama konsol, zona waktu, wilayah pusat, kecepatan ETA, batas waktu, sumber panggilan)</translation>
    </message>
    <message>
        <source>Change user</source>
        <translation>Ganti pengguna</translation>
    </message>
    <message>
        <source>change user: the next user logs in at this console (asks while work is open)</source>
        <translation>ganti pengguna: pengguna berikutnya masuk di konsol ini (bertanya bila masih ada pekerjaan terbuka)</translation>
    </message>
    <message>
        <source>Log out (the console stays locked)</source>
        <translation>Keluar akun (konsol tetap terkunci)</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Keluar</translation>
    </message>
    <message>
        <source>quit (asks while calls ring or an incident is open)</source>
        <translation>keluar dari konsol (bertanya bila ada panggilan berdering atau kejadian terbuka)</translation>
    </message>
    <message>
        <source>Keyboard shortcuts and commands</source>
        <translation>Pintasan keyboard dan perintah</translation>
    </message>
    <message>
        <source>this list of keys, and the command line's commands</source>
        <translation>daftar tombol ini, dan perintah baris perintah</translation>
    </message>
    <message>
        <source>About the console</source>
        <translation>Tentang konsol</translation>
    </message>
    <message>
        <source>In calls: answer a ringing call or open its incident</source>
        <translation>Di daftar panggilan: jawab panggilan berdering atau buka kejadiannya</translation>
    </message>
    <message>
        <source>In active incidents: open the incident</source>
        <translation>Di kejadian aktif: buka kejadiannya</translation>
    </message>
    <message>
        <source>In available units: mark or unmark a unit</source>
        <translation>Di unit tersedia: tandai unit atau batalkan tandanya</translation>
    </message>
    <message>
        <source>In available units: dispatch the marked units</source>
        <translation>Di unit tersedia: kirim unit yang ditandai</translation>
    </message>
    <message>
        <source>Next or previous field; each field saves as you leave it</source>
        <translation>Kolom berikutnya atau sebelumnya; tiap kolom tersimpan saat ditinggalkan</translation>
    </message>
    <message>
        <source>In the incident form: keep the value another console saved</source>
        <translation>Di formulir kejadian: pakai nilai yang disimpan konsol lain</translation>
    </message>
    <message>
        <source>In the incident form: save your value over another console's</source>
        <translation>Di formulir kejadian: simpan nilai Anda menggantikan nilai konsol lain</translation>
    </message>
    <message>
        <source>In the incident form: use the handset position offered (AML)</source>
        <translation>Di formulir kejadian: pakai posisi ponsel yang ditawarkan (AML)</translation>
    </message>
    <message>
        <source>In the shift log: show the incident's timeline</source>
        <translation>Di log shift: tampilkan garis waktu kejadian</translation>
    </message>
    <message>
        <source>In the map: select the next incident, nearest the middle first (or Tab)</source>
        <translation>Di peta: pilih kejadian berikutnya, yang paling dekat ke tengah lebih dulu (atau Tab)</translation>
    </message>
    <message>
        <source>In the map: select the previous incident (or Shift+Tab)</source>
        <translation>Di peta: pilih kejadian sebelumnya (atau Shift+Tab)</translation>
    </message>
    <message>
        <source>In the map: open the selected incident in the form</source>
        <translation>Di peta: buka kejadian yang dipilih di formulir</translation>
    </message>
    <message>
        <source>In the map: zoom in (or Ctrl+wheel)</source>
        <translation>Di peta: perbesar (atau Ctrl+roda tetikus)</translation>
    </message>
    <message>
        <source>In the map: zoom out</source>
        <translation>Di peta: perkecil</translation>
    </message>
    <message>
        <source>In the map: show every incident and unit</source>
        <translation>Di peta: tampilkan semua kejadian dan unit</translation>
    </message>
    <message>
        <source>In whom to call: record a forwarding to the agency (channel, person, reference, time)</source>
        <translation>Di daftar yang dihubungi: catat penerusan ke instansi (saluran, penerima, nomor rujukan, waktu)</translation>
    </message>
    <message>
        <source>In whom to call: the console dials the agency, your extension rings first (AMI)</source>
        <translation>Di daftar yang dihubungi: konsol menelepon instansi, nomor ekstensi Anda berdering dulu (AMI)</translation>
    </message>
    <message>
        <source>In the forwarding's channel: 1 telephone, 2 dialled, 3 radio, 4 SMS, 5 WhatsApp, 6 in person</source>
        <translation>Di saluran penerusan: 1 telepon, 2 ditelepon konsol, 3 radio, 4 SMS, 5 WhatsApp, 6 langsung</translation>
    </message>
    <message>
        <source>In the forwarding or report row: record it (Esc goes back)</source>
        <translation>Di baris penerusan atau laporan: catat (Esc kembali)</translation>
    </message>
    <message>
        <source>On a forwarding: 1 acknowledged, 2 dispatched, 3 arrived, 4 handled, 5 needs help, 6 note, 7 cancel; Enter records it with its time and text</source>
        <translation>Pada penerusan: 1 dikonfirmasi, 2 mengirim petugas, 3 tiba di lokasi, 4 selesai ditangani, 5 butuh bantuan, 6 catatan, 7 batalkan; Enter mencatatnya dengan waktu dan teksnya</translation>
    </message>
    <message>
        <source>In the cameras: play the chosen camera's stream</source>
        <translation>Di daftar kamera: putar tayangan langsung kamera yang dipilih</translation>
    </message>
    <message>
        <source>In the cameras: attach a still of the picture shown to the incident</source>
        <translation>Di daftar kamera: lampirkan cuplikan gambar dari gambar yang tampil ke kejadian</translation>
    </message>
    <message>
        <source>In the cameras: stop the stream (its last picture stays)</source>
        <translation>Di daftar kamera: hentikan tayangan (gambar terakhirnya tetap tampil)</translation>
    </message>
    <message>
        <source>Cancel a one-key choice</source>
        <translation>Batalkan pilihan satu tombol</translation>
    </message>
</context>
<context>
    <name>AlertList</name>
    <message>
        <source>⚠ OVERDUE Call from %1 ringing for %2 (limit %3)</source>
        <translation>⚠ LEWAT BATAS WAKTU: Panggilan dari %1 berdering %2 (batas %3)</translation>
    </message>
    <message>
        <source>⚠ OVERDUE Incident %1 answered %2 ago, no unit dispatched (limit %3)</source>
        <translation>⚠ LEWAT BATAS WAKTU: Kejadian %1 dijawab %2 lalu, belum ada unit dikirim (batas %3)</translation>
    </message>
    <message>
        <source>⚠ OVERDUE %1 dispatched %2 ago, not acknowledged (limit %3)</source>
        <translation>⚠ LEWAT BATAS WAKTU: %1 dikirim %2 lalu, belum dikonfirmasi (batas %3)</translation>
    </message>
    <message>
        <source>⚠ OVERDUE %1 en route for %2 (limit %3)</source>
        <translation>⚠ LEWAT BATAS WAKTU: %1 dalam perjalanan %2 (batas %3)</translation>
    </message>
    <message>
        <source>⚠ OVERDUE %1 on scene without an update for %2 (limit %3)</source>
        <translation>⚠ LEWAT BATAS WAKTU: %1 di lokasi tanpa pembaruan selama %2 (batas %3)</translation>
    </message>
    <message>
        <source>⚠ OVERDUE %1 has not acknowledged the forwarding, sent %2 ago (limit %3)</source>
        <translation>⚠ LEWAT BATAS WAKTU: %1 belum mengonfirmasi penerusan, dikirim %2 lalu (batas %3)</translation>
    </message>
    <message>
        <source>⚠ SMS to %1 could not be sent (%2 ago): tell them by telephone</source>
        <translation>⚠ SMS ke %1 tidak dapat dikirim (%2 lalu): sampaikan lewat telepon</translation>
    </message>
    <message>
        <source>⚠ SMS to %1 was not delivered (%2 ago): tell them by telephone</source>
        <translation>⚠ SMS ke %1 tidak sampai (%2 lalu): sampaikan lewat telepon</translation>
    </message>
    <message>
        <source>⚠ SMS to %1 waiting for %2: no modem is sending it; tell them by telephone</source>
        <translation>⚠ SMS ke %1 menunggu %2: tidak ada modem yang mengirimnya; sampaikan lewat telepon</translation>
    </message>
    <message>
        <source>⚠ The console could not dial %1 (%2 ago): call by telephone</source>
        <translation>⚠ Konsol tidak dapat menelepon %1 (%2 lalu): hubungi lewat telepon</translation>
    </message>
    <message>
        <source>⚠ Dialling %1 waiting for %2: the PBX is not taking it; call by telephone</source>
        <translation>⚠ Panggilan ke %1 menunggu %2: PBX tidak menerimanya; hubungi lewat telepon</translation>
    </message>
    <message>
        <source>⚠ DATABASE DAMAGED: %1 (found %2 ago). Tell the supervisor: the installer restores the last backup.</source>
        <translation>⚠ BASIS DATA RUSAK: %1 (ditemukan %2 lalu). Beri tahu koordinator: teknisi memulihkan cadangan terakhir.</translation>
    </message>
    <message>
        <source>⚠ %1 (last heartbeat %2 ago). Tell the supervisor; write down the calls answered at the telephone until it is back.</source>
        <translation>⚠ %1 (tanda hidup terakhir %2 lalu). Beri tahu koordinator; catat panggilan yang dijawab di telepon sampai gateway kembali.</translation>
    </message>
    <message>
        <source>⚠ %1. Tell the supervisor; write down the calls answered at the telephone until it runs.</source>
        <translation>⚠ %1. Beri tahu koordinator; catat panggilan yang dijawab di telepon sampai gateway berjalan.</translation>
    </message>
    <message>
        <source>⚠ Handset position from %1 with no call (received %2 ago)</source>
        <translation>⚠ Posisi ponsel dari %1 tanpa panggilan (diterima %2 lalu)</translation>
    </message>
    <message>
        <source>⚠ ALERT %1 since %2</source>
        <translation>⚠ PERINGATAN %1 sejak %2</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>No overdue timers.</source>
        <translation>Tidak ada yang lewat batas waktu.</translation>
    </message>
</context>
<context>
    <name>CallQueue</name>
    <message>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Waktu</translation>
    </message>
    <message>
        <source>Ring</source>
        <translation>Dering</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Nomor</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nama</translation>
    </message>
    <message>
        <source>Carrier / area</source>
        <translation>Provider/area</translation>
    </message>
    <message>
        <source>Incident</source>
        <translation>Kejadian</translation>
    </message>
</context>
<context>
    <name>CallbackQueue</name>
    <message>
        <source>not yet called back</source>
        <translation>belum ditelepon balik</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Alasan</translation>
    </message>
    <message>
        <source>Rang</source>
        <translation>Masuk</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>Menunggu</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Nomor</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nama</translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation>Percobaan</translation>
    </message>
    <message>
        <source>Last attempt</source>
        <translation>Percobaan terakhir</translation>
    </message>
</context>
<context>
    <name>CallerLines</name>
    <message>
        <source>The caller says (training)</source>
        <translation>Kata pelapor (pelatihan)</translation>
    </message>
    <message>
        <source>No training call on the line.</source>
        <translation>Tidak ada panggilan pelatihan yang tersambung.</translation>
    </message>
    <message>
        <source>Caller %1: nothing said yet.</source>
        <translation>Pelapor %1: belum berkata apa pun.</translation>
    </message>
    <message>
        <source>Caller %1:</source>
        <translation>Pelapor %1:</translation>
    </message>
</context>
<context>
    <name>CallerPanel</name>
    <message>
        <source>Caller</source>
        <translation>Pelapor</translation>
    </message>
    <message>
        <source>No call is ringing.</source>
        <translation>Tidak ada panggilan berdering.</translation>
    </message>
    <message>
        <source>%1: no history (the number is not shown).</source>
        <translation>%1: tanpa riwayat (nomor tidak ditampilkan).</translation>
    </message>
    <message>
        <source>⚠ REPEAT PRANK CALLER: %1 prank calls in 24 h before this one — still answer it</source>
        <translation>⚠ NOMOR ISENG BERULANG: %1 panggilan iseng dalam 24 jam sebelum ini — tetap jawab</translation>
    </message>
    <message>
        <source>● WATCH LIST since %1: %2</source>
        <translation>● DAFTAR PANTAU sejak %1: %2</translation>
    </message>
    <message>
        <source>✖ BLOCK REQUESTED FROM TELCO on %1</source>
        <translation>✖ BLOKIR DIMINTA KE OPERATOR SELULER pada %1</translation>
    </message>
    <message>
        <source>Earlier calls: %1 in 24 h, %2 in 30 days, %3 in all</source>
        <translation>Panggilan sebelumnya: %1 dalam 24 jam, %2 dalam 30 hari, total %3</translation>
    </message>
    <message>
        <source>Last calls:</source>
        <translation>Panggilan terakhir:</translation>
    </message>
    <message>
        <source>First call from this number.</source>
        <translation>Panggilan pertama dari nomor ini.</translation>
    </message>
</context>
<context>
    <name>CameraDock</name>
    <message>
        <source>No incident open: open one to see the cameras near it.</source>
        <extracomment>Cameras listed for an incident. The camera whose stream is played (or was, its last picture still shown). How long a stream may show no picture before it is stopped (a test shortens it).</extracomment>
        <translation>Tidak ada kejadian terbuka: buka satu kejadian untuk melihat kamera di dekatnya.</translation>
    </message>
    <message>
        <source>%1 has no position yet: type its coordinates, pick its kelurahan or use the handset's position, and the cameras near it are listed.</source>
        <translation>%1 belum punya posisi: ketik koordinatnya, pilih kelurahannya, atau pakai posisi ponsel, lalu kamera di dekatnya ditampilkan.</translation>
    </message>
    <message>
        <source>Cameras near %1: looking…</source>
        <translation>Kamera di dekat %1: sedang dicari…</translation>
    </message>
    <message>
        <source>The cameras were not read: the database is not answering.</source>
        <translation>Kamera tidak terbaca: basis data tidak menjawab.</translation>
    </message>
    <message>
        <source>The cameras could not be read: %1</source>
        <translation>Kamera tidak dapat dibaca: %1</translation>
    </message>
    <message>
        <source>No camera within %1 of %2.</source>
        <translation>Tidak ada kamera dalam jarak %1 dari %2.</translation>
    </message>
    <message>
        <source>Cameras nearest to %1 (%2):</source>
        <translation>Kamera terdekat dengan %1 (%2):</translation>
    </message>
    <message>
        <source>Cameras nearest to %1:</source>
        <translation>Kamera terdekat dengan %1:</translation>
    </message>
    <message>
        <source>The position is the centre of %1: the distances are rough.</source>
        <translation>Posisinya adalah titik tengah %1: jaraknya perkiraan.</translation>
    </message>
    <message>
        <source>Choose a camera and press Enter to play its stream.</source>
        <translation>Pilih kamera lalu tekan Enter untuk memutar tayangan langsungnya.</translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation>Menghubungkan ke %1…</translation>
    </message>
    <message>
        <source>Playing %1, live. S attaches a still of this picture to %2.</source>
        <translation>Memutar %1, langsung. S melampirkan cuplikan gambar ini ke %2.</translation>
    </message>
    <message>
        <source>%1 does not answer: no picture after %3 s. Stopped; Enter tries again.</source>
        <translation>%1 tidak menjawab: tidak ada gambar setelah %3 detik. Dihentikan; Enter mencoba lagi.</translation>
    </message>
    <message>
        <source>The picture from %1 stopped: nothing new for %3 s. The last picture stays; Enter tries again.</source>
        <translation>Gambar dari %1 berhenti: tidak ada gambar baru selama %3 detik. Gambar terakhir tetap tampil; Enter mencoba lagi.</translation>
    </message>
    <message>
        <source>The stream of %1 ended. Enter plays it again.</source>
        <translation>Tayangan %1 berakhir. Enter memutarnya lagi.</translation>
    </message>
    <message>
        <source>Stopped. Enter plays the camera chosen.</source>
        <translation>Dihentikan. Enter memutar kamera yang dipilih.</translation>
    </message>
    <message>
        <source>The stream of %1 could not be opened: the camera refused the connection, is switched off, or its address is wrong (%4).</source>
        <translation>Tayangan %1 tidak dapat dibuka: kamera menolak sambungan, sedang mati, atau alamatnya salah (%4).</translation>
    </message>
    <message>
        <source>The network to %1 broke off. Enter tries again.</source>
        <translation>Jaringan ke %1 terputus. Enter mencoba lagi.</translation>
    </message>
    <message>
        <source>%1 sends a stream this console cannot play (%4).</source>
        <translation>%1 mengirim tayangan yang tidak dapat diputar konsol ini (%4).</translation>
    </message>
    <message>
        <source>%1 refused access: check the user name and password in its address.</source>
        <translation>%1 menolak akses: periksa nama pengguna dan kata sandi di alamatnya.</translation>
    </message>
    <message>
        <source>%1 could not be played (%4).</source>
        <translation>%1 tidak dapat diputar (%4).</translation>
    </message>
    <message>
        <source>Streams cannot be played on this console: Qt Multimedia could not be loaded (%1). On Debian, install the package libpulse0 (docs/installing.md). The cameras are still listed.</source>
        <translation>Tayangan langsung tidak dapat diputar di konsol ini: Qt Multimedia tidak dapat dimuat (%1). Di Debian, pasang paket libpulse0 (docs/installing.md). Daftar kamera tetap ditampilkan.</translation>
    </message>
    <message>
        <source>No incident open to attach the still to.</source>
        <translation>Tidak ada kejadian terbuka untuk dilampiri cuplikan gambar.</translation>
    </message>
    <message>
        <source>No picture to attach: play a camera first (Enter).</source>
        <translation>Tidak ada gambar untuk dilampirkan: putar kamera dulu (Enter).</translation>
    </message>
    <message>
        <source>Attaching the still to %1…</source>
        <translation>Melampirkan cuplikan gambar ke %1…</translation>
    </message>
    <message>
        <source>Still from %1 attached to %2 at %3 (SHA-256 %4).</source>
        <translation>Cuplikan gambar dari %1 dilampirkan ke %2 pukul %3 (sidik SHA-256 %4).</translation>
    </message>
    <message>
        <source>the database is not answering; press S again</source>
        <translation>basis data tidak menjawab; tekan S lagi</translation>
    </message>
    <message>
        <source>The still was not attached to %1: %2</source>
        <translation>Cuplikan gambar tidak dilampirkan ke %1: %2</translation>
    </message>
    <message>
        <source>Distance</source>
        <extracomment>A stream that shows no picture for this long is stopped and said so. The picture is painted at most this often (a camera sends 25 frames a second; seeing 12 is enough to verify a report, and each frame is converted to an image on the GUI thread). No picture within ``no_picture_ms`` of starting (the camera does not answer); stopped. Pictures came, then none for ``no_picture_ms``; stopped, the last picture kept. The player's error (``detail``: the kind of error, see ``StreamPlayer.error_kind``); stopped. The player's errors, as ``error_kind`` names them.</extracomment>
        <translation>Jarak</translation>
    </message>
    <message>
        <source>Camera</source>
        <translation>Kamera</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Pemilik</translation>
    </message>
    <message>
        <source>Cameras nearest to the incident</source>
        <translation>Kamera terdekat dengan kejadian</translation>
    </message>
    <message>
        <source>Play (Enter)</source>
        <translation>Putar (Enter)</translation>
    </message>
    <message>
        <source>Attach still (S)</source>
        <translation>Lampirkan cuplikan gambar (S)</translation>
    </message>
    <message>
        <source>Stop (Esc)</source>
        <translation>Hentikan (Esc)</translation>
    </message>
</context>
<context>
    <name>Capabilities</name>
    <message>
        <source>patrol</source>
        <extracomment>A position this uncertain (metres) or more makes the distances from it rough ("~2.1 km").</extracomment>
        <translation>patroli</translation>
    </message>
    <message>
        <source>ambulance (basic life support)</source>
        <translation>ambulans (bantuan hidup dasar)</translation>
    </message>
    <message>
        <source>ambulance (advanced life support)</source>
        <translation>ambulans (bantuan hidup lanjut)</translation>
    </message>
    <message>
        <source>fire engine</source>
        <translation>mobil pemadam</translation>
    </message>
    <message>
        <source>rescue</source>
        <translation>penyelamatan</translation>
    </message>
    <message>
        <source>water tanker</source>
        <translation>mobil tangki air</translation>
    </message>
    <message>
        <source>boat</source>
        <translation>perahu</translation>
    </message>
    <message>
        <source>hearse</source>
        <translation>mobil jenazah</translation>
    </message>
    <message>
        <source>tow truck</source>
        <translation>mobil derek</translation>
    </message>
    <message>
        <source>utility crew</source>
        <translation>tim utilitas</translation>
    </message>
    <message>
        <source>social outreach</source>
        <translation>penjangkauan sosial</translation>
    </message>
</context>
<context>
    <name>ChoiceBar</name>
    <message>
        <source>[Esc] Cancel</source>
        <translation>[Esc] Kembali</translation>
    </message>
    <message>
        <source>%1 is not one of the choices: press %2, or Esc to cancel.</source>
        <translation>%1 bukan salah satu pilihan: tekan %2, atau Esc untuk kembali.</translation>
    </message>
</context>
<context>
    <name>CommandLine</name>
    <message>
        <source>Type a command, e.g. d 123 PSC-01 (help lists them).</source>
        <translation>Ketik perintah, misalnya d 123 PSC-01 (help menampilkan daftarnya).</translation>
    </message>
    <message>
        <source>“%1” is not a command: dispatch, status, note, close, find or help.</source>
        <translation>“%1” bukan perintah: dispatch, status, note, close, find, atau help.</translation>
    </message>
    <message>
        <source>Name the incident: its number (2026-000123), the short 123, or . for the open one.</source>
        <translation>Sebutkan kejadian: nomornya (2026-000123), singkatnya 123, atau . untuk yang sedang dibuka.</translation>
    </message>
    <message>
        <source>“%1” is not an incident number: 2026-000123, 123 or . for the open one.</source>
        <translation>“%1” bukan nomor kejadian: 2026-000123, 123, atau . untuk yang sedang dibuka.</translation>
    </message>
    <message>
        <source>Name the unit by its call sign.</source>
        <translation>Sebutkan unit dengan kode unitnya.</translation>
    </message>
    <message>
        <source>“%1” is too long for a call sign.</source>
        <translation>“%1” terlalu panjang untuk kode unit.</translation>
    </message>
    <message>
        <source>Name the status, e.g. ack, otw, tiba, clr (see help).</source>
        <translation>Sebutkan status, misalnya ack, otw, tiba, clr (lihat help).</translation>
    </message>
    <message>
        <source>“%1” is not a unit status (see help status).</source>
        <translation>“%1” bukan status unit (lihat help status).</translation>
    </message>
    <message>
        <source>Type the note after the incident number.</source>
        <translation>Ketik catatan setelah nomor kejadian.</translation>
    </message>
    <message>
        <source>The note is too long.</source>
        <translation>Catatan terlalu panjang.</translation>
    </message>
    <message>
        <source>Name how it ended: 1-7 as with F9, or a word (see help close).</source>
        <translation>Sebutkan hasil akhirnya: 1-7 seperti pada F9, atau katanya (lihat help close).</translation>
    </message>
    <message>
        <source>“%1” is not a disposition: 1-7 as with F9.</source>
        <translation>“%1” bukan hasil akhir: 1-7 seperti pada F9.</translation>
    </message>
    <message>
        <source>Name a call sign or an incident number to find.</source>
        <translation>Sebutkan kode unit atau nomor kejadian yang dicari.</translation>
    </message>
    <message>
        <source>“%1” is one word too many.</source>
        <translation>Kata “%1” berlebih.</translation>
    </message>
    <message>
        <source>dispatch | d | kirim &lt;incident&gt; &lt;call sign&gt; [call sign…]</source>
        <translation>dispatch | d | kirim &lt;kejadian&gt; &lt;kode unit&gt; [kode unit…]</translation>
    </message>
    <message>
        <source>Send one or more units to the incident (as F6).</source>
        <translation>Kirim satu atau beberapa unit ke kejadian (seperti F6).</translation>
    </message>
    <message>
        <source>status | s | st &lt;call sign&gt; &lt;status&gt;</source>
        <translation>status | s | st &lt;kode unit&gt; &lt;status&gt;</translation>
    </message>
    <message>
        <source>Set the unit's status (as F7 / Shift+F7).</source>
        <translation>Ubah status unit (seperti F7 / Shift+F7).</translation>
    </message>
    <message>
        <source>note | n | catat &lt;incident&gt; &lt;text&gt;</source>
        <translation>note | n | catat &lt;kejadian&gt; &lt;teks&gt;</translation>
    </message>
    <message>
        <source>Add a note to the narrative (as F8).</source>
        <translation>Tambah catatan ke kronologi (seperti F8).</translation>
    </message>
    <message>
        <source>n . Victim conscious, breathing</source>
        <translation>n . Korban sadar, bernapas</translation>
    </message>
    <message>
        <source>close | tutup &lt;incident&gt; &lt;disposition&gt;</source>
        <translation>close | tutup &lt;kejadian&gt; &lt;hasil akhir&gt;</translation>
    </message>
    <message>
        <source>Close the incident; units still on it are released (as F9).</source>
        <translation>Tutup kejadian; unit yang masih bertugas di sana dilepas (seperti F9).</translation>
    </message>
    <message>
        <source>reopen | bukaulang &lt;incident&gt;</source>
        <translation>reopen | bukaulang &lt;kejadian&gt;</translation>
    </message>
    <message>
        <source>Reopen a closed incident (as Ctrl+Shift+F9).</source>
        <translation>Buka ulang kejadian yang sudah ditutup (seperti Ctrl+Shift+F9).</translation>
    </message>
    <message>
        <source>find | f | cari &lt;call sign or incident&gt;</source>
        <translation>find | f | cari &lt;kode unit atau kejadian&gt;</translation>
    </message>
    <message>
        <source>Select the unit on the unit board, or open the incident.</source>
        <translation>Pilih unit di papan unit, atau buka kejadian.</translation>
    </message>
    <message>
        <source>help | ? | bantuan [command]</source>
        <translation>help | ? | bantuan [perintah]</translation>
    </message>
    <message>
        <source>Open Help, or show one command's syntax here.</source>
        <translation>Buka Bantuan, atau tampilkan sintaks satu perintah di sini.</translation>
    </message>
    <message>
        <source>d 123 PSC-01 · s PSC-01 otw · n . text · close . 1 · f PSC-01 · help</source>
        <extracomment>The offscreen platform (tests, screenshots) cannot raise a popup; suggestions are still kept.</extracomment>
        <translation>d 123 PSC-01 · s PSC-01 otw · n . teks · close . 1 · f PSC-01 · help</translation>
    </message>
    <message>
        <source>&amp;Command (Ctrl+K):</source>
        <translation>P&amp;erintah (Ctrl+K):</translation>
    </message>
    <message>
        <source>Dispatched %1 to %2.</source>
        <translation>%1 dikirim ke %2.</translation>
    </message>
    <message>
        <source>%1 is now %2.</source>
        <translation>%1 sekarang %2.</translation>
    </message>
    <message>
        <source>Note added to %1.</source>
        <translation>Catatan ditambahkan ke %1.</translation>
    </message>
    <message>
        <source>Incident %1 closed: %2.</source>
        <translation>Kejadian %1 ditutup: %2.</translation>
    </message>
    <message>
        <source>Incident %1 reopened.</source>
        <translation>Kejadian %1 dibuka ulang.</translation>
    </message>
    <message>
        <source>Incident %1 opened.</source>
        <translation>Kejadian %1 dibuka.</translation>
    </message>
    <message>
        <source>No unit or incident “%1”.</source>
        <translation>Tidak ada unit atau kejadian “%1”.</translation>
    </message>
    <message>
        <source>Help is open; the Commands tab lists every command.</source>
        <translation>Bantuan terbuka; tab Perintah memuat semua perintah.</translation>
    </message>
    <message>
        <source>%1: %2 Example: %3</source>
        <translation>%1: %2 Contoh: %3</translation>
    </message>
    <message>
        <source>No incident is open on screen: type its number instead of “.”.</source>
        <translation>Tidak ada kejadian terbuka di layar: ketik nomornya, bukan “.”.</translation>
    </message>
    <message>
        <source>Unknown incident %1.</source>
        <translation>Kejadian %1 tidak dikenal.</translation>
    </message>
    <message>
        <source>Unknown unit “%1”.</source>
        <translation>Unit “%1” tidak dikenal.</translation>
    </message>
    <message>
        <source>%1 is %2; from there: %3.</source>
        <translation>%1 berstatus %2; dari situ bisa ke: %3.</translation>
    </message>
    <message>
        <source>%1 is %2.</source>
        <translation>%1 berstatus %2.</translation>
    </message>
    <message>
        <source>The note is empty.</source>
        <translation>Catatan kosong.</translation>
    </message>
</context>
<context>
    <name>ConnectionBanner</name>
    <message>
        <source>reconnecting now</source>
        <translation>sedang menyambung ulang</translation>
    </message>
    <message>
        <source>reconnecting (next try in %1 s)</source>
        <translation>menyambung ulang (percobaan berikutnya dalam %1 detik)</translation>
    </message>
    <message>
        <source>%1, attempts so far: %2</source>
        <translation>%1, percobaan sejauh ini: %2</translation>
    </message>
    <message>
        <source>CONNECTION TO THE DATABASE LOST at %1; %2. What you type is kept and saved when it is back.</source>
        <translation>SAMBUNGAN KE BASIS DATA TERPUTUS pukul %1; %2. Yang Anda ketik tetap ada dan disimpan begitu tersambung kembali.</translation>
    </message>
</context>
<context>
    <name>DebriefReport</name>
    <message>
        <source>Training debrief</source>
        <translation>Evaluasi pelatihan</translation>
    </message>
    <message>
        <source>passed</source>
        <translation>lulus</translation>
    </message>
    <message>
        <source>not passed</source>
        <translation>tidak lulus</translation>
    </message>
    <message>
        <source>Answer time</source>
        <translation>Waktu jawab</translation>
    </message>
    <message>
        <source>Call class</source>
        <translation>Jenis panggilan</translation>
    </message>
    <message>
        <source>Incident category</source>
        <translation>Kategori kejadian</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>Prioritas</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>Lokasi</translation>
    </message>
    <message>
        <source>Protocol questions</source>
        <translation>Pertanyaan protokol</translation>
    </message>
    <message>
        <source>Agencies and units</source>
        <translation>Instansi dan unit</translation>
    </message>
    <message>
        <source>Time to dispatch</source>
        <translation>Waktu sampai pengiriman unit</translation>
    </message>
    <message>
        <source>Form fields</source>
        <translation>Isian formulir</translation>
    </message>
    <message>
        <source>within the time</source>
        <translation>dalam batas waktu</translation>
    </message>
    <message>
        <source>late: part of the credit</source>
        <translation>terlambat: nilai sebagian</translation>
    </message>
    <message>
        <source>too late: no credit</source>
        <translation>terlalu lambat: tanpa nilai</translation>
    </message>
    <message>
        <source>not answered</source>
        <translation>tidak dijawab</translation>
    </message>
    <message>
        <source>caller not reached on callback</source>
        <translation>pelapor tidak terhubung saat ditelepon balik</translation>
    </message>
    <message>
        <source>no unit dispatched</source>
        <translation>tidak ada unit dikirim</translation>
    </message>
    <message>
        <source>right</source>
        <translation>benar</translation>
    </message>
    <message>
        <source>wrong</source>
        <translation>salah</translation>
    </message>
    <message>
        <source>not recorded</source>
        <translation>tidak dicatat</translation>
    </message>
    <message>
        <source>half: classified silent or caller reached, not both</source>
        <translation>setengah: diklasifikasikan tanpa suara atau pelapor terhubung, tidak keduanya</translation>
    </message>
    <message>
        <source>all</source>
        <translation>semua</translation>
    </message>
    <message>
        <source>some</source>
        <translation>sebagian</translation>
    </message>
    <message>
        <source>none</source>
        <translation>tidak ada</translation>
    </message>
    <message>
        <source>Caller name</source>
        <translation>Nama pelapor</translation>
    </message>
    <message>
        <source>Callback number</source>
        <translation>Nomor panggil balik</translation>
    </message>
    <message>
        <source>Province</source>
        <translation>Provinsi</translation>
    </message>
    <message>
        <source>Regency or city</source>
        <translation>Kabupaten/kota</translation>
    </message>
    <message>
        <source>District (kecamatan)</source>
        <translation>Kecamatan</translation>
    </message>
    <message>
        <source>Village (kelurahan)</source>
        <translation>Kelurahan/desa</translation>
    </message>
    <message>
        <source>Street</source>
        <translation>Jalan</translation>
    </message>
    <message>
        <source>House number</source>
        <translation>Nomor rumah</translation>
    </message>
    <message>
        <source>Postcode</source>
        <translation>Kode pos</translation>
    </message>
    <message>
        <source>Landmark</source>
        <translation>Patokan</translation>
    </message>
    <message>
        <source>Answered</source>
        <translation>Dijawab</translation>
    </message>
    <message>
        <source>Classified: %1</source>
        <translation>Diklasifikasikan: %1</translation>
    </message>
    <message>
        <source>Field filled: %1</source>
        <translation>Isian diisi: %1</translation>
    </message>
    <message>
        <source>Category: %1</source>
        <translation>Kategori: %1</translation>
    </message>
    <message>
        <source>Priority: %1</source>
        <translation>Prioritas: %1</translation>
    </message>
    <message>
        <source>Kelurahan picked: %1</source>
        <translation>Kelurahan dipilih: %1</translation>
    </message>
    <message>
        <source>Position set: %1</source>
        <translation>Posisi diisi: %1</translation>
    </message>
    <message>
        <source>Asked: %1</source>
        <translation>Ditanyakan: %1</translation>
    </message>
    <message>
        <source>Narrative note written</source>
        <translation>Catatan kronologi ditulis</translation>
    </message>
    <message>
        <source>Dispatched %1</source>
        <translation>%1 dikirim</translation>
    </message>
    <message>
        <source>Called back: %1</source>
        <translation>Ditelepon balik: %1</translation>
    </message>
    <message>
        <source>Hung up</source>
        <translation>Menutup telepon</translation>
    </message>
    <message>
        <source>The caller hung up</source>
        <translation>Pelapor menutup telepon</translation>
    </message>
    <message>
        <source>Incident closed</source>
        <translation>Kejadian ditutup</translation>
    </message>
    <message>
        <source>Answer within %1</source>
        <translation>Jawab dalam %1</translation>
    </message>
    <message>
        <source>Class: %1</source>
        <translation>Jenis: %1</translation>
    </message>
    <message>
        <source>Call back: the caller is an emergency</source>
        <translation>Telepon balik: pelapor dalam keadaan darurat</translation>
    </message>
    <message>
        <source>Kelurahan: %1</source>
        <translation>Kelurahan: %1</translation>
    </message>
    <message>
        <source>Position: %1</source>
        <translation>Posisi: %1</translation>
    </message>
    <message>
        <source>Ask: %1</source>
        <translation>Tanyakan: %1</translation>
    </message>
    <message>
        <source>Send %1: at least %2</source>
        <translation>Kirim %1: sedikitnya %2</translation>
    </message>
    <message>
        <source>First unit dispatched by now</source>
        <translation>Unit pertama sudah dikirim</translation>
    </message>
    <message>
        <source>Fill in: %1</source>
        <translation>Isi: %1</translation>
    </message>
    <message>
        <source>Calls</source>
        <translation>Panggilan</translation>
    </message>
    <message>
        <source>No calls.</source>
        <translation>Tidak ada panggilan.</translation>
    </message>
    <message>
        <source>All trainees</source>
        <translation>Semua peserta</translation>
    </message>
    <message>
        <source>The session</source>
        <translation>Sesi</translation>
    </message>
    <message>
        <source>Scenario</source>
        <translation>Skenario</translation>
    </message>
    <message>
        <source>Trainee</source>
        <translation>Peserta</translation>
    </message>
    <message>
        <source>Calls scored</source>
        <translation>Panggilan dinilai</translation>
    </message>
    <message>
        <source>%1 of %2, %3 passed</source>
        <translation>%1 dari %2, %3 lulus</translation>
    </message>
    <message>
        <source>Mean score</source>
        <translation>Nilai rata-rata</translation>
    </message>
    <message>
        <source>Pass mark</source>
        <translation>Batas lulus</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Hasil</translation>
    </message>
    <message>
        <source>Call %1 (%2): %3</source>
        <translation>Panggilan %1 (%2): %3</translation>
    </message>
    <message>
        <source>Not scored yet.</source>
        <translation>Belum dinilai.</translation>
    </message>
    <message>
        <source>Rang at %1 · score %2 · %3</source>
        <translation>Berdering pukul %1 · nilai %2 · %3</translation>
    </message>
    <message>
        <source>Score per dimension</source>
        <translation>Nilai per aspek</translation>
    </message>
    <message>
        <source>Dimension</source>
        <translation>Aspek</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Nilai</translation>
    </message>
    <message>
        <source>Weight</source>
        <translation>Bobot</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>Poin</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Alasan</translation>
    </message>
    <message>
        <source>Timeline (seconds from the ring)</source>
        <translation>Linimasa (detik sejak dering)</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Waktu</translation>
    </message>
    <message>
        <source>What the trainee did</source>
        <translation>Yang dilakukan peserta</translation>
    </message>
    <message>
        <source>Expected by then</source>
        <translation>Yang diharapkan saat itu</translation>
    </message>
    <message>
        <source>Nothing recorded.</source>
        <translation>Tidak ada yang tercatat.</translation>
    </message>
    <message>
        <source>What the truth asked for</source>
        <translation>Yang diminta keadaan sebenarnya</translation>
    </message>
    <message>
        <source>Expected</source>
        <translation>Yang diharapkan</translation>
    </message>
    <message>
        <source>%1 against %2</source>
        <translation>%1 dibanding %2</translation>
    </message>
    <message>
        <source>no position recorded</source>
        <translation>posisi tidak dicatat</translation>
    </message>
    <message>
        <source>%1 m from the place</source>
        <translation>%1 m dari tempat kejadian</translation>
    </message>
    <message>
        <source>wrong kelurahan</source>
        <translation>kelurahan salah</translation>
    </message>
    <message>
        <source>no kelurahan recorded</source>
        <translation>kelurahan tidak dicatat</translation>
    </message>
    <message>
        <source>missing: %1</source>
        <translation>kurang: %1</translation>
    </message>
    <message>
        <source>sent %1</source>
        <translation>dikirim %1</translation>
    </message>
    <message>
        <source>Sessions so far</source>
        <translation>Sesi sejauh ini</translation>
    </message>
    <message>
        <source>No scored session yet.</source>
        <translation>Belum ada sesi yang dinilai.</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>Dimulai</translation>
    </message>
    <message>
        <source>Calls passed</source>
        <translation>Panggilan lulus</translation>
    </message>
</context>
<context>
    <name>DebriefView</name>
    <message>
        <source>Session (Ctrl+0)</source>
        <translation>Sesi (Ctrl+0)</translation>
    </message>
    <message>
        <source>Trainee</source>
        <translation>Peserta</translation>
    </message>
    <message>
        <source>Save as PDF (Ctrl+Shift+D)</source>
        <translation>Simpan sebagai PDF (Ctrl+Shift+D)</translation>
    </message>
</context>
<context>
    <name>DirectoryDialog</name>
    <message>
        <source>Required.</source>
        <translation>Wajib diisi.</translation>
    </message>
    <message>
        <source>Too long.</source>
        <translation>Terlalu panjang.</translation>
    </message>
    <message>
        <source>Contains control characters.</source>
        <translation>Berisi karakter kontrol.</translation>
    </message>
    <message>
        <source>Letters, digits, '.', '_' and '-' only (e.g. DAMKAR-SMG).</source>
        <translation>Hanya huruf, angka, '.', '_' dan '-' (misalnya DAMKAR-SMG).</translation>
    </message>
    <message>
        <source>Unknown agency type.</source>
        <translation>Jenis instansi tidak dikenal.</translation>
    </message>
    <message>
        <source>Write forward or room.</source>
        <translation>Tulis forward atau room.</translation>
    </message>
    <message>
        <source>Not an area code (e.g. 33.74 for a kota, 33.74.10 for a kecamatan).</source>
        <translation>Bukan kode wilayah (misalnya 33.74 untuk kota, 33.74.10 untuk kecamatan).</translation>
    </message>
    <message>
        <source>No such area.</source>
        <translation>Wilayah itu tidak ada.</translation>
    </message>
    <message>
        <source>No such incident category.</source>
        <translation>Kategori kejadian itu tidak ada.</translation>
    </message>
    <message>
        <source>Listed twice.</source>
        <translation>Tercantum dua kali.</translation>
    </message>
    <message>
        <source>Not a phone number.</source>
        <translation>Bukan nomor telepon.</translation>
    </message>
    <message>
        <source>Not a number an SMS can be sent to (e.g. 0812-3456-7890).</source>
        <translation>Bukan nomor yang bisa menerima SMS (misalnya 0812-3456-7890).</translation>
    </message>
    <message>
        <source>Not a duration (e.g. 5 min, 90 s, 1 h).</source>
        <translation>Bukan lama waktu (misalnya 5 menit, 90 detik, 1 jam).</translation>
    </message>
    <message>
        <source>Between 30 seconds and 24 hours.</source>
        <translation>Antara 30 detik dan 24 jam.</translation>
    </message>
    <message>
        <source>Write yes or no.</source>
        <translation>Tulis ya atau tidak.</translation>
    </message>
    <message>
        <source>Code used by an earlier row.</source>
        <translation>Kode sudah dipakai baris sebelumnya.</translation>
    </message>
    <message>
        <source>No spaces in a camera id.</source>
        <translation>ID kamera tidak boleh berisi spasi.</translation>
    </message>
    <message>
        <source>Not a decimal number (e.g. -6.9893).</source>
        <translation>Bukan angka desimal (misalnya -6.9893).</translation>
    </message>
    <message>
        <source>Out of range (latitude -90..90, longitude -180..180).</source>
        <translation>Di luar rentang (lintang -90..90, bujur -180..180).</translation>
    </message>
    <message>
        <source>Not a stream address (rtsp://, rtsps://, http:// or https://).</source>
        <translation>Bukan alamat siaran (rtsp://, rtsps://, http:// atau https://).</translation>
    </message>
    <message>
        <source>The stream address names no host.</source>
        <translation>Alamat siaran tidak menyebut host.</translation>
    </message>
    <message>
        <source>Camera id used by an earlier row.</source>
        <translation>ID kamera sudah dipakai baris sebelumnya.</translation>
    </message>
    <message>
        <source>Line %1</source>
        <translation>Baris %1</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ya</translation>
    </message>
    <message>
        <source>no</source>
        <translation>tidak</translation>
    </message>
    <message>
        <source>&amp;Filter</source>
        <extracomment>Object-name prefix of the tab's widgets ("agency", "camera"). The form's field names, the CSV columns.</extracomment>
        <translation>&amp;Filter</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Simpan</translation>
    </message>
    <message>
        <source>&amp;Deactivate</source>
        <translation>N&amp;onaktifkan</translation>
    </message>
    <message>
        <source>&amp;Import CSV…</source>
        <translation>&amp;Impor CSV…</translation>
    </message>
    <message>
        <source>Appl&amp;y import</source>
        <translation>Te&amp;rapkan impor</translation>
    </message>
    <message>
        <source>&amp;Export CSV…</source>
        <translation>&amp;Ekspor CSV…</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 dari %2</translation>
    </message>
    <message>
        <source>no (deactivated)</source>
        <translation>tidak (dinonaktifkan)</translation>
    </message>
    <message>
        <source>Reacti&amp;vate</source>
        <translation>&amp;Aktifkan lagi</translation>
    </message>
    <message>
        <source>Not saved: correct the fields marked.</source>
        <translation>Belum tersimpan: perbaiki kolom yang ditandai.</translation>
    </message>
    <message>
        <source>CSV files (*.csv);;All files (*)</source>
        <translation>Berkas CSV (*.csv);;Semua berkas (*)</translation>
    </message>
    <message>
        <source>Cannot read the file: %1</source>
        <translation>Berkas tidak dapat dibaca: %1</translation>
    </message>
    <message>
        <source>Alt+Y applies the import; rejected rows are left out.</source>
        <translation>Alt+R menerapkan impor; baris yang ditolak tidak diikutkan.</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Berkas CSV (*.csv)</translation>
    </message>
    <message>
        <source>Not exported: %1</source>
        <translation>Gagal diekspor: %1</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Kode</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nama</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Jenis</translation>
    </message>
    <message>
        <source>Reach</source>
        <translation>Hubungan</translation>
    </message>
    <message>
        <source>Areas</source>
        <translation>Wilayah</translation>
    </message>
    <message>
        <source>Categories</source>
        <translation>Kategori</translation>
    </message>
    <message>
        <source>by type</source>
        <translation>menurut jenis</translation>
    </message>
    <message>
        <source>Phones</source>
        <translation>Telepon</translation>
    </message>
    <message>
        <source>SMS</source>
        <translation>SMS</translation>
    </message>
    <message>
        <source>Acknowledge</source>
        <translation>Konfirmasi</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Aktif</translation>
    </message>
    <message>
        <source>None ticked: the categories whose agencies include its type.</source>
        <translation>Tidak ada yang dicentang: kategori yang instansinya mencakup jenis instansi ini.</translation>
    </message>
    <message>
        <source>&amp;Code</source>
        <translation>Ko&amp;de</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>&amp;Nama</translation>
    </message>
    <message>
        <source>Agency &amp;type</source>
        <translation>&amp;Jenis instansi</translation>
    </message>
    <message>
        <source>&amp;Reach</source>
        <translation>&amp;Hubungan</translation>
    </message>
    <message>
        <source>33.74.10; 33.74.11 (kecamatan), 33.74 (kota)</source>
        <translation>33.74.10; 33.74.11 (kecamatan), 33.74 (kota)</translation>
    </message>
    <message>
        <source>Area c&amp;odes</source>
        <translation>Kode &amp;wilayah</translation>
    </message>
    <message>
        <source>in the order to try, ; between</source>
        <translation>urut dari yang dicoba dulu, dipisah ;</translation>
    </message>
    <message>
        <source>&amp;Phones</source>
        <translation>Tele&amp;pon</translation>
    </message>
    <message>
        <source>SMS n&amp;umber</source>
        <translation>Nomor S&amp;MS</translation>
    </message>
    <message>
        <source>Radio c&amp;hannel</source>
        <translation>Kana&amp;l radio</translation>
    </message>
    <message>
        <source>24 jam, or 07.00-16.00</source>
        <translation>24 jam, atau 07.00-16.00</translation>
    </message>
    <message>
        <source>&amp;Business hours</source>
        <translation>Jam la&amp;yanan</translation>
    </message>
    <message>
        <source>5 min (30 s to 24 h)</source>
        <translation>5 menit (30 detik sampai 24 jam)</translation>
    </message>
    <message>
        <source>Ac&amp;knowledge within</source>
        <translation>Batas wakt&amp;u konfirmasi</translation>
    </message>
    <message>
        <source>Note for the ca&amp;ll-taker</source>
        <translation>&amp;Catatan untuk operator</translation>
    </message>
    <message>
        <source>Cate&amp;gories (Space ticks)</source>
        <translation>Kate&amp;gori (Spasi mencentang)</translation>
    </message>
    <message>
        <source>Ne&amp;w agency</source>
        <translation>Instansi &amp;baru</translation>
    </message>
    <message>
        <source>Agency %1 added.</source>
        <translation>Instansi %1 ditambahkan.</translation>
    </message>
    <message>
        <source>Agency %1 saved.</source>
        <translation>Instansi %1 disimpan.</translation>
    </message>
    <message>
        <source>%1 is deactivated (kept on record, no longer offered).</source>
        <translation>%1 dinonaktifkan (tetap tercatat, tidak ditawarkan lagi).</translation>
    </message>
    <message>
        <source>%1 is offered again.</source>
        <translation>%1 ditawarkan lagi.</translation>
    </message>
    <message>
        <source>Import agencies from CSV</source>
        <translation>Impor instansi dari CSV</translation>
    </message>
    <message>
        <source>Export agencies to CSV</source>
        <translation>Ekspor instansi ke CSV</translation>
    </message>
    <message>
        <source>Nothing imported: the file is not an agency directory.</source>
        <translation>Tidak ada yang diimpor: berkas ini bukan direktori instansi.</translation>
    </message>
    <message>
        <source>%0: agencies to add %1, to update %2, unchanged %3; rows rejected %4.</source>
        <translation>%0: instansi akan ditambahkan %1, diperbarui %2, tidak berubah %3; baris ditolak %4.</translation>
    </message>
    <message>
        <source>Imported: agencies added %1, updated %2, unchanged %3; rows rejected %4.</source>
        <translation>Diimpor: instansi ditambahkan %1, diperbarui %2, tidak berubah %3; baris ditolak %4.</translation>
    </message>
    <message>
        <source>Agencies exported to %2: %1.</source>
        <translation>Instansi diekspor ke %2: %1.</translation>
    </message>
    <message>
        <source>Camera id</source>
        <translation>ID kamera</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Pemilik</translation>
    </message>
    <message>
        <source>Latitude</source>
        <translation>Lintang</translation>
    </message>
    <message>
        <source>Longitude</source>
        <translation>Bujur</translation>
    </message>
    <message>
        <source>Stream</source>
        <translation>Siaran</translation>
    </message>
    <message>
        <source>&amp;Camera id</source>
        <translation>I&amp;D kamera</translation>
    </message>
    <message>
        <source>&amp;Owner</source>
        <translation>&amp;Pemilik</translation>
    </message>
    <message>
        <source>&amp;Latitude</source>
        <translation>&amp;Lintang</translation>
    </message>
    <message>
        <source>Lon&amp;gitude</source>
        <translation>Bu&amp;jur</translation>
    </message>
    <message>
        <source>Stream &amp;URL</source>
        <translation>&amp;URL siaran</translation>
    </message>
    <message>
        <source>Ne&amp;w camera</source>
        <translation>Kamera &amp;baru</translation>
    </message>
    <message>
        <source>Camera %1 added.</source>
        <translation>Kamera %1 ditambahkan.</translation>
    </message>
    <message>
        <source>Camera %1 saved.</source>
        <translation>Kamera %1 disimpan.</translation>
    </message>
    <message>
        <source>Import cameras from CSV</source>
        <translation>Impor kamera dari CSV</translation>
    </message>
    <message>
        <source>Export cameras to CSV</source>
        <translation>Ekspor kamera ke CSV</translation>
    </message>
    <message>
        <source>Nothing imported: the file is not a camera list.</source>
        <translation>Tidak ada yang diimpor: berkas ini bukan daftar kamera.</translation>
    </message>
    <message>
        <source>%0: cameras to add %1, to update %2, unchanged %3; rows rejected %4.</source>
        <translation>%0: kamera akan ditambahkan %1, diperbarui %2, tidak berubah %3; baris ditolak %4.</translation>
    </message>
    <message>
        <source>Imported: cameras added %1, updated %2, unchanged %3; rows rejected %4.</source>
        <translation>Diimpor: kamera ditambahkan %1, diperbarui %2, tidak berubah %3; baris ditolak %4.</translation>
    </message>
    <message>
        <source>Cameras exported to %2: %1.</source>
        <translation>Kamera diekspor ke %2: %1.</translation>
    </message>
    <message>
        <source>Agency directory and cameras</source>
        <translation>Direktori instansi dan daftar kamera</translation>
    </message>
    <message>
        <source>&amp;Agencies</source>
        <translation>Ins&amp;tansi</translation>
    </message>
    <message>
        <source>Ca&amp;meras</source>
        <translation>&amp;Kamera</translation>
    </message>
    <message>
        <source>Read only: only a supervisor edits the directory.</source>
        <translation>Hanya baca: hanya koordinator yang dapat mengubah direktori.</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Tutup</translation>
    </message>
</context>
<context>
    <name>DispatchPanel</name>
    <message>
        <source>~%1 min</source>
        <translation>~%1 mnt</translation>
    </message>
    <message>
        <source>Distances from the centre of the kelurahan %1</source>
        <translation>Jarak dari titik tengah kelurahan %1</translation>
    </message>
    <message>
        <source>Distances from the centre of the kecamatan %1</source>
        <translation>Jarak dari titik tengah kecamatan %1</translation>
    </message>
    <message>
        <source>Distances from the handset position</source>
        <translation>Jarak dari posisi ponsel</translation>
    </message>
    <message>
        <source>Distances from the typed position</source>
        <translation>Jarak dari posisi yang diketik</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Recommended (Ctrl+R dispatches them)</source>
        <translation>Rekomendasi (Ctrl+R mengirim semuanya)</translation>
    </message>
    <message>
        <source>Available units (F6; Space marks, Enter dispatches)</source>
        <translation>Unit tersedia (F6; Spasi menandai, Enter mengirim)</translation>
    </message>
    <message>
        <source>Assigned units (F7 next status, Shift+F7 choose)</source>
        <translation>Unit ditugaskan (F7 status berikutnya, Shift+F7 pilih)</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>Agency</source>
        <translation>Instansi</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Dispatched</source>
        <translation>Dikirim</translation>
    </message>
    <message>
        <source>On scene</source>
        <translation>Tiba</translation>
    </message>
    <message>
        <source>No incident open.</source>
        <translation>Tidak ada kejadian terbuka.</translation>
    </message>
    <message>
        <source>✔ %1 · %2 (already sent)</source>
        <translation>✔ %1 · %2 (sudah dikirim)</translation>
    </message>
    <message>
        <source>⚠ no available unit: %1</source>
        <translation>⚠ tidak ada unit tersedia: %1</translation>
    </message>
    <message>
        <source>Choose the category to get a recommendation.</source>
        <translation>Pilih kategori untuk mendapatkan rekomendasi.</translation>
    </message>
    <message>
        <source>No position: units by agency, without distances.</source>
        <translation>Tanpa posisi: unit menurut instansi, tanpa jarak.</translation>
    </message>
</context>
<context>
    <name>Distances</name>
    <message>
        <source>%1 m</source>
        <translation>%1 m</translation>
    </message>
    <message>
        <source>%1 km</source>
        <translation>%1 km</translation>
    </message>
</context>
<context>
    <name>DuplicateOffer</name>
    <message>
        <source>same number</source>
        <translation>nomor sama</translation>
    </message>
    <message>
        <source>same category %1 m away</source>
        <translation>kategori sama, berjarak %1 m</translation>
    </message>
    <message>
        <source>same kelurahan</source>
        <translation>kelurahan sama</translation>
    </message>
    <message>
        <source>no category</source>
        <translation>tanpa kategori</translation>
    </message>
    <message>
        <source>%1 min ago</source>
        <translation>%1 mnt lalu</translation>
    </message>
    <message>
        <source>⚠ Possible duplicate of %1 (%2) — Ctrl+D attaches this call to it</source>
        <translation>⚠ Kemungkinan duplikat %1 (%2) — Ctrl+D menggabungkan panggilan ini ke sana</translation>
    </message>
</context>
<context>
    <name>FaultBar</name>
    <message>
        <source>another console or program holds it</source>
        <translation>konsol atau program lain sedang memakainya</translation>
    </message>
    <message>
        <source>the connection to it is lost</source>
        <translation>sambungan ke basis data terputus</translation>
    </message>
    <message>
        <source>it refused the write</source>
        <translation>basis data menolak penyimpanan</translation>
    </message>
    <message>
        <source>⚠ DATABASE NOT ANSWERING (%1): what you just did was NOT saved. Try again; calls from the feeds are kept and stored when it answers.</source>
        <translation>⚠ BASIS DATA TIDAK MENJAWAB (%1): yang baru Anda lakukan TIDAK tersimpan. Coba lagi; panggilan dari sumber tetap disimpan begitu basis data menjawab.</translation>
    </message>
    <message>
        <source>⚠ UNEXPECTED ERROR: %1. It is in the console's log; tell the supervisor. Ctrl+Shift+A acknowledges.</source>
        <translation>⚠ KESALAHAN TAK TERDUGA: %1. Tercatat di log konsol; beri tahu koordinator. Ctrl+Shift+A mengonfirmasi.</translation>
    </message>
</context>
<context>
    <name>FeedSettings</name>
    <message>
        <source>&amp;Add</source>
        <translation>&amp;Tambah</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Ubah</translation>
    </message>
    <message>
        <source>Re&amp;move</source>
        <translation>&amp;Hapus</translation>
    </message>
    <message>
        <source>&amp;Test</source>
        <translation>U&amp;ji</translation>
    </message>
    <message>
        <source>Test shows here what the feed decodes, live. Nothing is stored.</source>
        <translation>Uji menampilkan di sini apa yang dibaca dari sumber, langsung. Tidak ada yang disimpan.</translation>
    </message>
    <message>
        <source>The simulator runs in training mode (--simulator).</source>
        <translation>Simulator berjalan dalam mode pelatihan (--simulator).</translation>
    </message>
    <message>
        <source>S&amp;top test</source>
        <translation>Hentikan u&amp;ji</translation>
    </message>
    <message>
        <source>listening: %1</source>
        <translation>mendengarkan: %1</translation>
    </message>
    <message>
        <source>not connected: %1 (trying again)</source>
        <translation>tidak terhubung: %1 (mencoba lagi)</translation>
    </message>
</context>
<context>
    <name>FieldConflict</name>
    <message>
        <source>(empty)</source>
        <translation>(kosong)</translation>
    </message>
    <message>
        <source>Keep the other console's value (F11)</source>
        <translation>Pakai nilai konsol lain (F11)</translation>
    </message>
    <message>
        <source>Use my value (F12)</source>
        <translation>Pakai nilai saya (F12)</translation>
    </message>
    <message>
        <source>⚠ Changed at another console to: %1 — yours: %2. Not saved yet.</source>
        <translation>⚠ Diubah di konsol lain menjadi: %1 — nilai Anda: %2. Belum tersimpan.</translation>
    </message>
</context>
<context>
    <name>Figures</name>
    <message>
        <source>%1 s</source>
        <extracomment>Call processing in bins of 15 s (NFPA 1225's 60 s on an edge). A histogram has at least this many bins before its last, open one ("more than ..."). Up to this long a period's calls are counted per hour of the period; longer, per hour of the day. Classes in the order the class mix lists them; None (not yet classified: still ringing or live) last. (local hour start, calls that started ringing in it); every hour of the period, empty ones too. When ``hour_of_day`` is set, the hours are 0..23 summed over the period's days. (call class code, or None while unclassified; calls), in CLASS_ORDER, zeros included. (local day, prank calls, all calls that started ringing that day), every day of the period.</extracomment>
        <translation>%1 dtk</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 mnt</translation>
    </message>
    <message>
        <source>– no samples</source>
        <translation>– tanpa data</translation>
    </message>
    <message>
        <source>✔ yes</source>
        <translation>✔ ya</translation>
    </message>
    <message>
        <source>✘ no</source>
        <translation>✘ tidak</translation>
    </message>
    <message>
        <source>✔ met</source>
        <translation>✔ terpenuhi</translation>
    </message>
    <message>
        <source>✘ not met</source>
        <translation>✘ tidak terpenuhi</translation>
    </message>
    <message>
        <source>%1 ≤ %2</source>
        <translation>%1 ≤ %2</translation>
    </message>
    <message>
        <source>Target: %1</source>
        <translation>Target: %1</translation>
    </message>
    <message>
        <source>%1 calls answered</source>
        <translation>%1 panggilan dijawab</translation>
    </message>
    <message>
        <source>%1 incidents</source>
        <translation>%1 kejadian</translation>
    </message>
    <message>
        <source>%1 units sent</source>
        <translation>%1 unit dikirim</translation>
    </message>
    <message>
        <source>Answer time (ring to answer)</source>
        <translation>Waktu jawab (berdering sampai dijawab)</translation>
    </message>
    <message>
        <source>Call processing (answer to first unit dispatched)</source>
        <translation>Waktu proses (dijawab sampai unit pertama dikirim)</translation>
    </message>
    <message>
        <source>Turnout, %1</source>
        <translation>Waktu keberangkatan, %1</translation>
    </message>
    <message>
        <source>dispatched to en route</source>
        <translation>dikirim sampai dalam perjalanan</translation>
    </message>
    <message>
        <source>Travel, %1</source>
        <translation>Waktu tempuh, %1</translation>
    </message>
    <message>
        <source>en route to on scene</source>
        <translation>dalam perjalanan sampai tiba di lokasi</translation>
    </message>
    <message>
        <source>Time on scene, %1</source>
        <translation>Waktu di lokasi, %1</translation>
    </message>
    <message>
        <source>All agencies</source>
        <translation>Semua instansi</translation>
    </message>
    <message>
        <source>forwardings: %1, cancelled: %2</source>
        <translation>penerusan: %1, dibatalkan: %2</translation>
    </message>
    <message>
        <source>Answer to forwarding</source>
        <translation>Dijawab sampai penerusan</translation>
    </message>
    <message>
        <source>from the incident's creation to the agency's first forwarding of it</source>
        <translation>sejak kejadian dibuat sampai penerusan pertamanya ke instansi itu</translation>
    </message>
    <message>
        <source>To acknowledgement</source>
        <translation>Sampai dikonfirmasi</translation>
    </message>
    <message>
        <source>from the forwarding to the agency's acknowledgement</source>
        <translation>sejak penerusan sampai instansi mengonfirmasi</translation>
    </message>
    <message>
        <source>To arrival reported</source>
        <translation>Sampai tiba dilaporkan</translation>
    </message>
    <message>
        <source>from the forwarding to the arrival the agency reported</source>
        <translation>sejak penerusan sampai kedatangan yang dilaporkan instansi</translation>
    </message>
    <message>
        <source>No incident opened in the period was forwarded to an agency.</source>
        <translation>Tidak ada kejadian periode ini yang diteruskan ke instansi.</translation>
    </message>
    <message>
        <source>Forwardings of the incidents opened in the period. Never: no acknowledgement or arrival recorded by the time the figures were read (cancelled forwardings are not counted).</source>
        <translation>Penerusan kejadian yang dibuat dalam periode ini. Tidak pernah: belum ada konfirmasi atau kedatangan yang tercatat saat angka ini dibaca (penerusan yang dibatalkan tidak dihitung).</translation>
    </message>
    <message>
        <source>Calls offered: %1</source>
        <translation>Panggilan masuk: %1</translation>
    </message>
    <message>
        <source>answered: %1</source>
        <translation>dijawab: %1</translation>
    </message>
    <message>
        <source>abandoned: %1 (%2)</source>
        <translation>terputus: %1 (%2)</translation>
    </message>
    <message>
        <source>still ringing: %1</source>
        <translation>masih berdering: %1</translation>
    </message>
    <message>
        <source>longest ring: %1 (%2, %3)</source>
        <translation>dering terlama: %1 (%2, %3)</translation>
    </message>
    <message>
        <source>answered</source>
        <translation>dijawab</translation>
    </message>
    <message>
        <source>abandoned</source>
        <translation>terputus</translation>
    </message>
    <message>
        <source>Type the times as 2026-11-27 07:00 (local time).</source>
        <extracomment>The duty shift whose period it is (None: a period typed). The targets (None: the standards' defaults, dispatch/domain/figures.py). The shifts offered (the shift presenter's list), and the one shown (None: a typed period).</extracomment>
        <translation>Ketik waktu seperti 2026-11-27 07:00 (waktu setempat).</translation>
    </message>
    <message>
        <source>Type both ends of the period, from and to.</source>
        <translation>Ketik kedua ujung periode, dari dan sampai.</translation>
    </message>
    <message>
        <source>%1 to %2</source>
        <translation>%1 sampai %2</translation>
    </message>
    <message>
        <source>The period ends before it begins.</source>
        <translation>Periode berakhir sebelum dimulai.</translation>
    </message>
    <message>
        <source>Reading the figures…</source>
        <translation>Membaca angka kinerja…</translation>
    </message>
    <message>
        <source>Figures not read: the database is busy.</source>
        <translation>Angka kinerja tidak terbaca: basis data sedang sibuk.</translation>
    </message>
    <message>
        <source>Figures could not be read: %1</source>
        <translation>Angka kinerja tidak dapat dibaca: %1</translation>
    </message>
    <message>
        <source>the figures of %1</source>
        <translation>angka kinerja %1</translation>
    </message>
    <message>
        <source>Not classified yet</source>
        <extracomment>Pen styles for the targets of one chart, in turn (told apart without colour). Light enough for the bars' black value labels (and for a grey printout). Tall enough for an axis, its labels and a two-line legend at 1366x768.</extracomment>
        <translation>Belum diklasifikasi</translation>
    </message>
    <message>
        <source>Answer time: calls answered within each band</source>
        <translation>Waktu jawab: panggilan yang dijawab dalam tiap rentang</translation>
    </message>
    <message>
        <source>Call processing: answer to first unit dispatched</source>
        <translation>Waktu proses: dijawab sampai unit pertama dikirim</translation>
    </message>
    <message>
        <source>Answer time, s (each band up to its value)</source>
        <translation>Waktu jawab, dtk (tiap rentang sampai nilainya)</translation>
    </message>
    <message>
        <source>Call processing, s (each band up to its value)</source>
        <translation>Waktu proses, dtk (tiap rentang sampai nilainya)</translation>
    </message>
    <message>
        <source>Calls per hour of the day (all days of the period)</source>
        <translation>Panggilan per jam dalam sehari (semua hari dalam periode)</translation>
    </message>
    <message>
        <source>Calls per hour</source>
        <translation>Panggilan per jam</translation>
    </message>
    <message>
        <source>Calls that started ringing</source>
        <translation>Panggilan yang mulai berdering</translation>
    </message>
    <message>
        <source>Hour (local time)</source>
        <translation>Jam (waktu setempat)</translation>
    </message>
    <message>
        <source>Calls</source>
        <translation>Panggilan</translation>
    </message>
    <message>
        <source>Calls by class (%1 in all)</source>
        <translation>Panggilan per jenis (%1 seluruhnya)</translation>
    </message>
    <message>
        <source>Calls or incidents in the band</source>
        <translation>Panggilan atau kejadian dalam rentang</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>Jumlah</translation>
    </message>
    <message>
        <source>%1: %2, %3</source>
        <translation>%1: %2, %3</translation>
    </message>
    <message>
        <source>%1 (%2 of %3)</source>
        <translation>%1 (%2 dari %3)</translation>
    </message>
    <message>
        <source>Prank calls per day, as a share of all calls</source>
        <translation>Panggilan iseng per hari, sebagai persentase semua panggilan</translation>
    </message>
    <message>
        <source>Prank calls (%)</source>
        <translation>Panggilan iseng (%)</translation>
    </message>
    <message>
        <source>Day (prank calls of all calls)</source>
        <translation>Hari (panggilan iseng dari semua panggilan)</translation>
    </message>
</context>
<context>
    <name>FiguresReport</name>
    <message>
        <source>Call centre figures</source>
        <translation>Angka kinerja Call Center 112</translation>
    </message>
    <message>
        <source>%1 shift of %2</source>
        <translation>Shift %1 tanggal %2</translation>
    </message>
    <message>
        <source>Percentiles are nearest-rank: p90 is the time within which 90 % of the calls were handled, always the time of a real call. A call belongs to the period in which it started ringing. Definitions and exclusions: docs/figures.md.</source>
        <translation>Persentil dihitung dengan peringkat terdekat (nearest-rank): p90 adalah waktu yang dipenuhi oleh 90 % panggilan, selalu waktu sebuah panggilan yang nyata. Panggilan masuk ke periode saat panggilan itu mulai berdering. Definisi dan pengecualian: docs/figures.md.</translation>
    </message>
    <message>
        <source>answered</source>
        <translation>dijawab</translation>
    </message>
    <message>
        <source>abandoned</source>
        <translation>terputus</translation>
    </message>
    <message>
        <source>%1, ringing from %2 (%3)</source>
        <translation>%1, berdering sejak %2 (%3)</translation>
    </message>
    <message>
        <source>no calls</source>
        <translation>tidak ada panggilan</translation>
    </message>
    <message>
        <source>Calls</source>
        <translation>Panggilan</translation>
    </message>
    <message>
        <source>Calls offered (answered + abandoned)</source>
        <translation>Panggilan masuk (dijawab + terputus)</translation>
    </message>
    <message>
        <source>Answered</source>
        <translation>Dijawab</translation>
    </message>
    <message>
        <source>Abandoned (caller hung up before an answer)</source>
        <translation>Terputus (pelapor menutup sebelum dijawab)</translation>
    </message>
    <message>
        <source>%1 (abandonment rate %2)</source>
        <translation>%1 (tingkat terputus %2)</translation>
    </message>
    <message>
        <source>Still ringing when the data was read (in no figure)</source>
        <translation>Masih berdering saat data dibaca (tidak masuk angka mana pun)</translation>
    </message>
    <message>
        <source>Longest ring</source>
        <translation>Dering terlama</translation>
    </message>
    <message>
        <source>Answer time</source>
        <translation>Waktu jawab</translation>
    </message>
    <message>
        <source>Call processing (answer to first unit dispatched)</source>
        <translation>Waktu proses panggilan (dijawab sampai unit pertama dikirim)</translation>
    </message>
    <message>
        <source>%1: turnout</source>
        <translation>%1: waktu berangkat</translation>
    </message>
    <message>
        <source>%1: travel</source>
        <translation>%1: waktu tempuh</translation>
    </message>
    <message>
        <source>%1: time on scene</source>
        <translation>%1: waktu di lokasi</translation>
    </message>
    <message>
        <source>Times</source>
        <translation>Waktu</translation>
    </message>
    <message>
        <source>Measure</source>
        <translation>Ukuran</translation>
    </message>
    <message>
        <source>Samples</source>
        <translation>Sampel</translation>
    </message>
    <message>
        <source>Mean</source>
        <translation>Rata-rata</translation>
    </message>
    <message>
        <source>Longest</source>
        <translation>Terlama</translation>
    </message>
    <message>
        <source>– no samples</source>
        <translation>– tidak ada sampel</translation>
    </message>
    <message>
        <source>✓ met</source>
        <translation>✓ tercapai</translation>
    </message>
    <message>
        <source>✗ NOT MET</source>
        <translation>✗ TIDAK TERCAPAI</translation>
    </message>
    <message>
        <source>%1 within %2</source>
        <translation>%1 dalam %2</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 dari %2</translation>
    </message>
    <message>
        <source>Targets</source>
        <translation>Target</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Target</translation>
    </message>
    <message>
        <source>Within</source>
        <translation>Memenuhi</translation>
    </message>
    <message>
        <source>Share within</source>
        <translation>Persentase memenuhi</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Hasil</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Jumlah</translation>
    </message>
    <message>
        <source>Calls by class</source>
        <translation>Panggilan menurut jenis</translation>
    </message>
    <message>
        <source>Class</source>
        <translation>Jenis</translation>
    </message>
    <message>
        <source>Share</source>
        <translation>Persentase</translation>
    </message>
    <message>
        <source>Service level per %1 minutes (answered within %2)</source>
        <translation>Tingkat layanan per %1 menit (dijawab dalam %2)</translation>
    </message>
    <message>
        <source>Interval</source>
        <translation>Selang waktu</translation>
    </message>
    <message>
        <source>Offered</source>
        <translation>Masuk</translation>
    </message>
    <message>
        <source>Abandoned</source>
        <translation>Terputus</translation>
    </message>
    <message>
        <source>Within %1</source>
        <translation>Dalam %1</translation>
    </message>
    <message>
        <source>Service level</source>
        <translation>Tingkat layanan</translation>
    </message>
    <message>
        <source>Per call-taker</source>
        <translation>Per operator</translation>
    </message>
    <message>
        <source>Call-taker</source>
        <translation>Operator</translation>
    </message>
    <message>
        <source>Answer p50</source>
        <translation>Jawab p50</translation>
    </message>
    <message>
        <source>Answer p90</source>
        <translation>Jawab p90</translation>
    </message>
    <message>
        <source>Incidents</source>
        <translation>Kejadian</translation>
    </message>
    <message>
        <source>Processing p90</source>
        <translation>Proses p90</translation>
    </message>
    <message>
        <source>All agencies</source>
        <translation>Semua instansi</translation>
    </message>
    <message>
        <source>forwardings: %1, cancelled: %2</source>
        <translation>penerusan: %1, dibatalkan: %2</translation>
    </message>
    <message>
        <source>Answer to forwarding</source>
        <translation>Dijawab sampai penerusan</translation>
    </message>
    <message>
        <source>To acknowledgement</source>
        <translation>Sampai dikonfirmasi</translation>
    </message>
    <message>
        <source>To arrival reported</source>
        <translation>Sampai tiba dilaporkan</translation>
    </message>
    <message>
        <source>Forwarding to agencies</source>
        <translation>Penerusan ke instansi</translation>
    </message>
    <message>
        <source>Agency</source>
        <translation>Instansi</translation>
    </message>
    <message>
        <source>Median</source>
        <translation>Median</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>Tidak pernah</translation>
    </message>
    <message>
        <source>Forwardings of the incidents opened in the period. Answer to forwarding: from the incident's creation to the agency's first forwarding of it (one sample per incident and agency). To acknowledgement and to arrival reported: from the forwarding. Never: no acknowledgement or arrival recorded by the time the figures were read; cancelled forwardings are not counted there.</source>
        <translation>Penerusan kejadian yang dibuat dalam periode ini. Dijawab sampai penerusan: sejak kejadian dibuat sampai penerusan pertamanya ke instansi itu (satu sampel per kejadian dan instansi). Sampai dikonfirmasi dan sampai tiba dilaporkan: sejak penerusan. Tidak pernah: belum ada konfirmasi atau kedatangan yang tercatat saat angka ini dibaca; penerusan yang dibatalkan tidak dihitung di sana.</translation>
    </message>
</context>
<context>
    <name>FiguresView</name>
    <message>
        <source>YYYY-MM-DD HH:MM</source>
        <extracomment>A target's: met, not met, or None without samples (a missed target is also in bold). The heading's tooltip: what the measure is, from when to when ("" for other rows). The tooltip: what the measure is, from when to when.</extracomment>
        <translation>TTTT-BB-HH JJ:MM</translation>
    </message>
    <message>
        <source>Shift:</source>
        <translation>Shift:</translation>
    </message>
    <message>
        <source>or from:</source>
        <translation>atau dari:</translation>
    </message>
    <message>
        <source>to:</source>
        <translation>sampai:</translation>
    </message>
    <message>
        <source>Enter in from or to shows the period (local time).</source>
        <translation>Enter di kolom dari atau sampai menampilkan periode itu (waktu setempat).</translation>
    </message>
    <message>
        <source>Measure</source>
        <translation>Ukuran</translation>
    </message>
    <message>
        <source>Target met</source>
        <translation>Target tercapai</translation>
    </message>
    <message>
        <source>Within</source>
        <translation>Dalam batas</translation>
    </message>
    <message>
        <source>Figures</source>
        <translation>Angka kinerja</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>Jumlah</translation>
    </message>
    <message>
        <source>Median</source>
        <translation>Median</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>Tidak pernah</translation>
    </message>
    <message>
        <source>Forwarding</source>
        <translation>Penerusan</translation>
    </message>
    <message>
        <source>Charts</source>
        <translation>Grafik</translation>
    </message>
    <message>
        <source>No shift opened yet</source>
        <extracomment>Made the first time the charts' tab is shown (None until then).</extracomment>
        <translation>Belum ada shift yang dibuka</translation>
    </message>
</context>
<context>
    <name>ForwardingPanel</name>
    <message>
        <source>No incident open.</source>
        <extracomment>Where a refusal of ``forwarding.report`` is said. The PBX's dial context ("" the feed's default). What this console sends through (a test gives its own).</extracomment>
        <translation>Tidak ada kejadian yang dibuka.</translation>
    </message>
    <message>
        <source>no category yet</source>
        <translation>belum ada kategori</translation>
    </message>
    <message>
        <source>Incident %1 · %2</source>
        <translation>Kejadian %1 · %2</translation>
    </message>
    <message>
        <source>Choose the category: the agencies it calls for are listed here.</source>
        <translation>Pilih kategori: instansi yang sesuai akan tercantum di sini.</translation>
    </message>
    <message>
        <source>No agency in the directory takes this category here (the supervisor keeps the directory).</source>
        <translation>Tidak ada instansi di direktori yang menangani kategori ini di sini (direktori dikelola koordinator).</translation>
    </message>
    <message>
        <source>No kelurahan yet (Ctrl+L): agencies covering the centre's area are listed.</source>
        <translation>Belum ada kelurahan (Ctrl+L): yang tercantum instansi untuk wilayah pusat layanan.</translation>
    </message>
    <message>
        <source>Already forwarded to %1: report on it with 1-7.</source>
        <translation>Sudah diteruskan ke %1: catat laporannya dengan 1-7.</translation>
    </message>
    <message>
        <source>Forward %1 to %2</source>
        <translation>Teruskan %1 ke %2</translation>
    </message>
    <message>
        <source>The console cannot dial: no AMI feed is set (Console, Settings, Feeds). Call %1 by telephone.</source>
        <translation>Konsol tidak dapat menelepon: belum ada sumber AMI (Konsol, Pengaturan, Sumber data). Hubungi %1 lewat telepon.</translation>
    </message>
    <message>
        <source>Your extension %1 rings first, then %2 is dialled.</source>
        <translation>Ekstensi Anda %1 berdering dulu, lalu %2 ditelepon.</translation>
    </message>
    <message>
        <source>Forwarded to %1 at %2: %3.</source>
        <translation>Diteruskan ke %1 pukul %2: %3.</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1 recorded for %2: %3.</source>
        <translation>%1 dicatat untuk %2: %3.</translation>
    </message>
    <message>
        <source>Incident %1 closed: every forwarding is closed.</source>
        <translation>Kejadian %1 ditutup: semua penerusan sudah selesai.</translation>
    </message>
    <message>
        <source>Type the time as 14:05 or 14:05:30.</source>
        <translation>Ketik waktu seperti 14:05 atau 14:05:30.</translation>
    </message>
    <message>
        <source>in the room: send its units with F6</source>
        <extracomment>The channel keys of the record row, in the order shown. The report keys on a forwarding. Channels where the person named took it on the spot: naming them ticks "acknowledged".</extracomment>
        <translation>di ruangan: kirim unitnya dengan F6</translation>
    </message>
    <message>
        <source>Tel. %1</source>
        <translation>Telp. %1</translation>
    </message>
    <message>
        <source>radio %1</source>
        <translation>radio %1</translation>
    </message>
    <message>
        <source>SMS %1</source>
        <translation>SMS %1</translation>
    </message>
    <message>
        <source>hours %1</source>
        <translation>jam layanan %1</translation>
    </message>
    <message>
        <source>acknowledge within %1</source>
        <translation>konfirmasi dalam %1</translation>
    </message>
    <message>
        <source>✔ Forwarded at %1: %2</source>
        <translation>✔ Diteruskan pukul %1: %2</translation>
    </message>
    <message>
        <source>%1: %2, forwarded %3 ago (%4)</source>
        <translation>%1: %2, diteruskan %3 lalu (%4)</translation>
    </message>
    <message>
        <source>%1: %2 at %3</source>
        <translation>%1: %2 pukul %3</translation>
    </message>
    <message>
        <source>⚠ OVERDUE: not acknowledged within %1 (due at %2)</source>
        <translation>⚠ LEWAT BATAS WAKTU: belum dikonfirmasi dalam %1 (batas pukul %2)</translation>
    </message>
    <message>
        <source>taken by %1</source>
        <translation>diterima %1</translation>
    </message>
    <message>
        <source>ref. %1</source>
        <translation>rujukan %1</translation>
    </message>
    <message>
        <source>SMS: %1</source>
        <translation>SMS: %1</translation>
    </message>
    <message>
        <source>Whom to call (Ctrl+T; Enter records, D dials)</source>
        <translation>Yang dihubungi (Ctrl+T; Enter mencatat, D menelepon)</translation>
    </message>
    <message>
        <source>A digit changes it: %1</source>
        <translation>Angka menggantinya: %1</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Saluran</translation>
    </message>
    <message>
        <source>who took it (name, rank)</source>
        <translation>siapa yang menerima (nama, pangkat)</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>Penerima</translation>
    </message>
    <message>
        <source>the agency's own number, if given</source>
        <translation>nomor rujukan instansi, bila diberikan</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>Rujukan</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>Kontak</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Waktu</translation>
    </message>
    <message>
        <source>Acknowledged (the person took it)</source>
        <translation>Dikonfirmasi (penerima menyanggupi)</translation>
    </message>
    <message>
        <source>Send the summary SMS</source>
        <translation>Kirim SMS ringkasan</translation>
    </message>
    <message>
        <source>Enter records the forwarding, Esc goes back.</source>
        <translation>Enter mencatat penerusan, Esc kembali.</translation>
    </message>
    <message>
        <source>Forwardings (Ctrl+T again; 1-7 report)</source>
        <translation>Penerusan (Ctrl+T lagi; 1-7 laporan)</translation>
    </message>
    <message>
        <source>what they said (optional)</source>
        <translation>apa yang disampaikan (boleh kosong)</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Teks</translation>
    </message>
    <message>
        <source>Enter records the report, Esc goes back.</source>
        <translation>Enter mencatat laporan, Esc kembali.</translation>
    </message>
    <message>
        <source>Other agencies covering this area:</source>
        <translation>Instansi lain di wilayah ini:</translation>
    </message>
</context>
<context>
    <name>HandoverReport</name>
    <message>
        <source>Shift handover report</source>
        <translation>Laporan serah terima shift</translation>
    </message>
    <message>
        <source>%1 shift of %2</source>
        <translation>Shift %1 tanggal %2</translation>
    </message>
    <message>
        <source>Figures of the shift</source>
        <translation>Angka kinerja shift</translation>
    </message>
    <message>
        <source>DRAFT: not signed. The state is as at %1; it may still change.</source>
        <translation>DRAF: belum ditandatangani. Keadaan per %1; masih dapat berubah.</translation>
    </message>
    <message>
        <source>Signed by the outgoing lead</source>
        <translation>Ditandatangani koordinator yang menyerahkan</translation>
    </message>
    <message>
        <source>%1 at %2</source>
        <translation>%1 pada %2</translation>
    </message>
    <message>
        <source>Acknowledged by the incoming lead</source>
        <translation>Diterima koordinator yang menerima</translation>
    </message>
    <message>
        <source>Not acknowledged yet</source>
        <translation>Belum diterima</translation>
    </message>
    <message>
        <source>Content fingerprint (SHA-256)</source>
        <translation>Sidik isi laporan (SHA-256)</translation>
    </message>
    <message>
        <source>Signatures</source>
        <translation>Tanda tangan</translation>
    </message>
    <message>
        <source>Planned</source>
        <translation>Rencana</translation>
    </message>
    <message>
        <source>Opened</source>
        <translation>Dibuka</translation>
    </message>
    <message>
        <source>%1 by %2</source>
        <translation>%1 oleh %2</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Ditutup</translation>
    </message>
    <message>
        <source>Still open</source>
        <translation>Masih dibuka</translation>
    </message>
    <message>
        <source>Length</source>
        <translation>Lama</translation>
    </message>
    <message>
        <source>The shift</source>
        <translation>Shift</translation>
    </message>
    <message>
        <source>Staff on duty</source>
        <translation>Petugas yang berjaga</translation>
    </message>
    <message>
        <source>No one logged in during the shift.</source>
        <translation>Tidak ada yang masuk selama shift ini.</translation>
    </message>
    <message>
        <source>still on</source>
        <translation>masih berjaga</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nama</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Peran</translation>
    </message>
    <message>
        <source>Console</source>
        <translation>Konsol</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>Posisi</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Dari</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Sampai</translation>
    </message>
    <message>
        <source>All calls</source>
        <translation>Semua panggilan</translation>
    </message>
    <message>
        <source>Calls by class</source>
        <translation>Panggilan menurut jenis</translation>
    </message>
    <message>
        <source>Class</source>
        <translation>Jenis</translation>
    </message>
    <message>
        <source>Calls</source>
        <translation>Panggilan</translation>
    </message>
    <message>
        <source>Share</source>
        <translation>Persentase</translation>
    </message>
    <message>
        <source>Emergency calls by incident category</source>
        <translation>Panggilan darurat menurut kategori kejadian</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Kategori</translation>
    </message>
    <message>
        <source>Incidents</source>
        <translation>Kejadian</translation>
    </message>
    <message>
        <source>console</source>
        <translation>konsol</translation>
    </message>
    <message>
        <source>%1 %2: %3</source>
        <translation>%1 %2: %3</translation>
    </message>
    <message>
        <source>Incidents still open</source>
        <translation>Kejadian yang masih terbuka</translation>
    </message>
    <message>
        <source>No incident is open.</source>
        <translation>Tidak ada kejadian yang terbuka.</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>none</source>
        <translation>tidak ada</translation>
    </message>
    <message>
        <source>Incident</source>
        <translation>Kejadian</translation>
    </message>
    <message>
        <source>Priority, status</source>
        <translation>Prioritas, status</translation>
    </message>
    <message>
        <source>Age</source>
        <translation>Lama</translation>
    </message>
    <message>
        <source>Units</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>Last note</source>
        <translation>Catatan terakhir</translation>
    </message>
    <message>
        <source>not acknowledged, %1 over its limit</source>
        <translation>belum dikonfirmasi, lewat %1 dari batas waktunya</translation>
    </message>
    <message>
        <source>not acknowledged, within its limit (%1)</source>
        <translation>belum dikonfirmasi, masih dalam batas waktu (%1)</translation>
    </message>
    <message>
        <source>Forwardings to agencies still open</source>
        <translation>Penerusan ke instansi yang masih terbuka</translation>
    </message>
    <message>
        <source>No forwarding to an agency is open.</source>
        <translation>Tidak ada penerusan ke instansi yang masih terbuka.</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Forwarded</source>
        <translation>Diteruskan</translation>
    </message>
    <message>
        <source>Acknowledged</source>
        <translation>Dikonfirmasi</translation>
    </message>
    <message>
        <source>Units out of service</source>
        <translation>Unit yang tidak beroperasi</translation>
    </message>
    <message>
        <source>Every unit on the roster is in service.</source>
        <translation>Semua unit dalam daftar beroperasi.</translation>
    </message>
    <message>
        <source>was %1</source>
        <translation>sebelumnya %1</translation>
    </message>
    <message>
        <source>out of service since it was added</source>
        <translation>tidak beroperasi sejak ditambahkan</translation>
    </message>
    <message>
        <source>%1; status overridden: %2</source>
        <translation>%1; status diubah paksa: %2</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>Agency</source>
        <translation>Instansi</translation>
    </message>
    <message>
        <source>Since</source>
        <translation>Sejak</translation>
    </message>
    <message>
        <source>By</source>
        <translation>Oleh</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Keterangan</translation>
    </message>
    <message>
        <source>Callbacks still open</source>
        <translation>Panggilan balik yang masih menunggu</translation>
    </message>
    <message>
        <source>No callback is waiting.</source>
        <translation>Tidak ada panggilan balik yang menunggu.</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Nomor</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Alasan</translation>
    </message>
    <message>
        <source>Rang</source>
        <translation>Berdering</translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation>Percobaan</translation>
    </message>
    <message>
        <source>Last attempt</source>
        <translation>Percobaan terakhir</translation>
    </message>
    <message>
        <source>Numbers flagged or with a block requested</source>
        <translation>Nomor yang ditandai atau dimintakan blokir</translation>
    </message>
    <message>
        <source>No number is flagged.</source>
        <translation>Tidak ada nomor yang ditandai.</translation>
    </message>
    <message>
        <source>Flag</source>
        <translation>Tanda</translation>
    </message>
    <message>
        <source>Feed outages</source>
        <translation>Gangguan sumber panggilan</translation>
    </message>
    <message>
        <source>Every feed stayed up.</source>
        <translation>Semua sumber panggilan tetap berjalan.</translation>
    </message>
    <message>
        <source>still down</source>
        <translation>masih terputus</translation>
    </message>
    <message>
        <source>Feed</source>
        <translation>Sumber panggilan</translation>
    </message>
    <message>
        <source>Down</source>
        <translation>Terputus</translation>
    </message>
    <message>
        <source>Up again</source>
        <translation>Pulih</translation>
    </message>
    <message>
        <source>In this shift</source>
        <translation>Dalam shift ini</translation>
    </message>
    <message>
        <source>Alerts not acknowledged</source>
        <translation>Peringatan yang belum dikonfirmasi</translation>
    </message>
    <message>
        <source>Every alert was acknowledged.</source>
        <translation>Semua peringatan sudah dikonfirmasi.</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ya</translation>
    </message>
    <message>
        <source>no</source>
        <translation>tidak</translation>
    </message>
    <message>
        <source>Alert</source>
        <translation>Peringatan</translation>
    </message>
    <message>
        <source>About</source>
        <translation>Tentang</translation>
    </message>
    <message>
        <source>Raised</source>
        <translation>Muncul</translation>
    </message>
    <message>
        <source>Limit</source>
        <translation>Batas</translation>
    </message>
    <message>
        <source>Over by then</source>
        <translation>Sudah selesai saat itu</translation>
    </message>
    <message>
        <source>Planned events</source>
        <translation>Kegiatan terencana</translation>
    </message>
    <message>
        <source>No planned events were written.</source>
        <translation>Tidak ada kegiatan terencana yang ditulis.</translation>
    </message>
    <message>
        <source>Pass-down instructions</source>
        <translation>Pesan untuk shift berikutnya</translation>
    </message>
    <message>
        <source>No pass-down instructions were written.</source>
        <translation>Tidak ada pesan untuk shift berikutnya.</translation>
    </message>
    <message>
        <source>Addenda (written after signing)</source>
        <translation>Adendum (ditulis setelah ditandatangani)</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Waktu</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Oleh</translation>
    </message>
    <message>
        <source>Addendum</source>
        <translation>Adendum</translation>
    </message>
</context>
<context>
    <name>HelpDialog</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Pintasan keyboard</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Tombol</translation>
    </message>
    <message>
        <source>What it does</source>
        <translation>Fungsi</translation>
    </message>
    <message>
        <source>Commands</source>
        <translation>Perintah</translation>
    </message>
    <message>
        <source>Command line (Ctrl+K)</source>
        <translation>Baris perintah (Ctrl+K)</translation>
    </message>
    <message>
        <source>The field at the bottom of the window. Enter runs the command; if something is wrong it says what beside the field, marks the word, and keeps what you typed. Up and Down recall earlier commands, Tab completes the word (verbs, call signs, incident numbers, statuses), Esc goes back to where you were. Case does not matter.</source>
        <translation>Kolom di bagian bawah jendela. Enter menjalankan perintah; jika ada yang salah, keterangannya muncul di samping kolom, katanya ditandai, dan ketikan Anda tetap ada. ↑ dan ↓ memanggil perintah sebelumnya, Tab melengkapi kata (perintah, kode unit, nomor kejadian, status), Esc kembali ke posisi semula. Huruf besar/kecil tidak berpengaruh.</translation>
    </message>
    <message>
        <source>Command</source>
        <translation>Perintah</translation>
    </message>
    <message>
        <source>Example</source>
        <translation>Contoh</translation>
    </message>
    <message>
        <source>Incident: the full number 2026-000123, the short 123 (this year's incident 123), or . for the incident open on screen. Several call signs may be separated by spaces or commas.</source>
        <translation>Kejadian: nomor lengkap 2026-000123, singkat 123 (kejadian ke-123 tahun ini), atau . untuk kejadian yang terbuka di layar. Beberapa kode unit dapat dipisah dengan spasi atau koma.</translation>
    </message>
    <message>
        <source>Status words</source>
        <translation>Kata status</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Words of several parts may be typed with spaces, hyphens or underscores (en route, on scene, false alarm). A unit is dispatched with the dispatch command, never with status.</source>
        <translation>Kata yang terdiri dari beberapa bagian boleh diketik dengan spasi, tanda hubung, atau garis bawah (en route, on scene, false alarm). Unit dikirim dengan perintah dispatch, tidak pernah dengan status.</translation>
    </message>
    <message>
        <source>Dispositions (close)</source>
        <translation>Hasil akhir (close)</translation>
    </message>
    <message>
        <source>Disposition</source>
        <translation>Hasil akhir</translation>
    </message>
    <message>
        <source>The digits are the same as the keys offered by Close the incident (F9).</source>
        <translation>Angkanya sama dengan tombol pilihan pada Tutup kejadian (F9).</translation>
    </message>
    <message>
        <source>Short</source>
        <translation>Singkat</translation>
    </message>
    <message>
        <source>English</source>
        <translation>Inggris</translation>
    </message>
    <message>
        <source>Indonesian</source>
        <translation>Indonesia</translation>
    </message>
</context>
<context>
    <name>IncidentBoard</name>
    <message>
        <source>(not yet chosen)</source>
        <translation>(belum dipilih)</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Nomor</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>Prioritas</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Kategori</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>Lokasi</translation>
    </message>
    <message>
        <source>Age</source>
        <translation>Lama</translation>
    </message>
    <message>
        <source>Units</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>Agencies</source>
        <translation>Instansi</translation>
    </message>
    <message>
        <source>⚠ NOT ACKNOWLEDGED: %1</source>
        <translation>⚠ BELUM DIKONFIRMASI: %1</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>IncidentPanel</name>
    <message>
        <source>Too long: shorten this text.</source>
        <extracomment>How many earlier calls the one-line history counts (more shows as 20+). While something typed is not saved because the database was away, it is tried again this often (besides at once when the link is back or another write gets through); not while the link is down.</extracomment>
        <translation>Terlalu panjang: persingkat teks ini.</translation>
    </message>
    <message>
        <source>Not a number: use decimal degrees such as -6.99306.</source>
        <translation>Bukan angka: gunakan derajat desimal, misalnya -6.99306.</translation>
    </message>
    <message>
        <source>Latitude must be between -90 and 90 (Indonesia: about -11 to 6).</source>
        <translation>Lintang harus antara -90 dan 90 (Indonesia: sekitar -11 s.d. 6).</translation>
    </message>
    <message>
        <source>Longitude must be between -180 and 180 (Indonesia: about 95 to 141).</source>
        <translation>Bujur harus antara -180 dan 180 (Indonesia: sekitar 95 s.d. 141).</translation>
    </message>
    <message>
        <source>Up to three digits, e.g. 003.</source>
        <translation>Maksimal tiga digit, misalnya 003.</translation>
    </message>
    <message>
        <source>Five digits, e.g. 50132.</source>
        <translation>Lima digit, misalnya 50132.</translation>
    </message>
    <message>
        <source>Not a known value.</source>
        <translation>Nilai tidak dikenal.</translation>
    </message>
    <message>
        <source>Type the note first.</source>
        <translation>Ketik catatan terlebih dahulu.</translation>
    </message>
    <message>
        <source>No incident open. F2 answers the longest-ringing call.</source>
        <translation>Tidak ada kejadian terbuka. F2 menjawab panggilan yang terlama berdering.</translation>
    </message>
    <message>
        <source>- choose a category -</source>
        <translation>- pilih kategori -</translation>
    </message>
    <message>
        <source>&amp;Category</source>
        <translation>Kate&amp;gori</translation>
    </message>
    <message>
        <source>Priorit&amp;y</source>
        <translation>Priorita&amp;s</translation>
    </message>
    <message>
        <source>Caller &amp;name</source>
        <translation>&amp;Nama pelapor</translation>
    </message>
    <message>
        <source>Call&amp;back number</source>
        <translation>Nomor panggil ba&amp;lik</translation>
    </message>
    <message>
        <source>&amp;Street (Jl.)</source>
        <translation>&amp;Jalan (Jl.)</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>No.</translation>
    </message>
    <message>
        <source>RT</source>
        <translation>RT</translation>
    </message>
    <message>
        <source>RW</source>
        <translation>RW</translation>
    </message>
    <message>
        <source>Kelurahan/Desa</source>
        <translation>Kelurahan/Desa</translation>
    </message>
    <message>
        <source>Kecamatan</source>
        <translation>Kecamatan</translation>
    </message>
    <message>
        <source>Kabupaten/Kota</source>
        <translation>Kabupaten/Kota</translation>
    </message>
    <message>
        <source>Province</source>
        <translation>Provinsi</translation>
    </message>
    <message>
        <source>Postcode</source>
        <translation>Kode pos</translation>
    </message>
    <message>
        <source>&amp;Landmark (patokan)</source>
        <translation>Pat&amp;okan</translation>
    </message>
    <message>
        <source>Latitude</source>
        <translation>Lintang</translation>
    </message>
    <message>
        <source>Longitude</source>
        <translation>Bujur</translation>
    </message>
    <message>
        <source>Narrative</source>
        <translation>Kronologi</translation>
    </message>
    <message>
        <source>Type a note and press Enter (F8)</source>
        <translation>Ketik catatan lalu tekan Enter (F8)</translation>
    </message>
    <message>
        <source>&amp;Note</source>
        <translation>&amp;Catatan</translation>
    </message>
    <message>
        <source>Training caller says: %1</source>
        <translation>Pelapor pelatihan berkata: %1</translation>
    </message>
    <message>
        <source>Number withheld: no call history.</source>
        <translation>Nomor disembunyikan: tidak ada riwayat panggilan.</translation>
    </message>
    <message>
        <source>Number unavailable: no call history.</source>
        <translation>Nomor tidak tersedia: tidak ada riwayat panggilan.</translation>
    </message>
    <message>
        <source>No earlier calls from this number.</source>
        <translation>Belum pernah ada panggilan dari nomor ini.</translation>
    </message>
    <message>
        <source>Earlier calls from this number: %1 (last %2, %3; prank: %4)</source>
        <translation>Panggilan sebelumnya dari nomor ini: %1 (terakhir %2, %3; iseng: %4)</translation>
    </message>
    <message>
        <source>Incident %1 · %2</source>
        <translation>Kejadian %1 · %2</translation>
    </message>
    <message>
        <source>%1  (correction of the %2 note)</source>
        <translation>%1  (koreksi catatan pukul %2)</translation>
    </message>
    <message>
        <source>%1  [corrected at %2]</source>
        <translation>%1  [dikoreksi pukul %2]</translation>
    </message>
    <message>
        <source>✎ NOT SAVED YET (saved when the database is back): %1</source>
        <translation>✎ BELUM TERSIMPAN (disimpan begitu basis data tersambung kembali): %1</translation>
    </message>
    <message>
        <source>Choose the note with Up/Down, then press Ctrl+Shift+F8 again.</source>
        <translation>Pilih catatan dengan ↑/↓, lalu tekan Ctrl+Shift+F8 lagi.</translation>
    </message>
    <message>
        <source>Correction of the %1 note by %2: “%3” (Enter saves, Esc cancels)</source>
        <translation>Koreksi catatan pukul %1 oleh %2: “%3” (Enter simpan, Esc batal)</translation>
    </message>
    <message>
        <source>✔ Saved at %1 (typed while the database was away)</source>
        <translation>✔ Tersimpan pukul %1 (diketik saat basis data tidak terjangkau)</translation>
    </message>
    <message>
        <source>Not saved in incident %1 (%2): %3</source>
        <translation>Tidak tersimpan di kejadian %1 (%2): %3</translation>
    </message>
    <message>
        <source>Incident %1 was changed at another console while the database was away: open it to choose between the values.</source>
        <translation>Kejadian %1 diubah di konsol lain saat basis data tidak terjangkau: buka kejadian itu untuk memilih nilainya.</translation>
    </message>
    <message>
        <source>✎ Not saved yet: the database is away; saved when it is back.</source>
        <translation>✎ Belum tersimpan: basis data tidak terjangkau; disimpan begitu tersambung kembali.</translation>
    </message>
    <message>
        <source>A note for incident %1 could not be saved: %2 (“%3”)</source>
        <translation>Catatan untuk kejadian %1 tidak dapat disimpan: %2 (“%3”)</translation>
    </message>
    <message>
        <source>✔ Notes typed while the database was away saved at %1.</source>
        <translation>✔ Catatan yang diketik saat basis data tidak terjangkau tersimpan pukul %1.</translation>
    </message>
    <message>
        <source>✎ Not saved yet: the database is away. The note is kept in the narrative and saved when it is back.</source>
        <translation>✎ Belum tersimpan: basis data tidak terjangkau. Catatan tetap di kronologi dan disimpan begitu tersambung kembali.</translation>
    </message>
    <message>
        <source>✔ All changes saved (%1)</source>
        <translation>✔ Semua perubahan tersimpan (%1)</translation>
    </message>
    <message>
        <source>… Saving</source>
        <translation>… Menyimpan</translation>
    </message>
    <message>
        <source>⚠ Changed at another console meanwhile: choose beside the field (F11 keeps theirs, F12 uses yours)</source>
        <translation>⚠ Diubah di konsol lain sementara itu: pilih di samping kolom (F11 pakai nilai konsol lain, F12 pakai nilai saya)</translation>
    </message>
    <message>
        <source>✎ Not saved yet: the database is away. What you typed is kept and saved when it is back.</source>
        <translation>✎ Belum tersimpan: basis data tidak terjangkau. Yang Anda ketik tetap ada dan disimpan begitu tersambung kembali.</translation>
    </message>
    <message>
        <source>✖ Not saved: correct the field marked in red</source>
        <translation>✖ Belum tersimpan: perbaiki kolom bertanda merah</translation>
    </message>
    <message>
        <source>Copied from duplicate incident %1: %2</source>
        <translation>Disalin dari kejadian duplikat %1: %2</translation>
    </message>
    <message>
        <source>Call from %1 answered; incident opened.</source>
        <translation>Panggilan dari %1 dijawab; kejadian dibuka.</translation>
    </message>
    <message>
        <source>Unit %1 dispatched.</source>
        <translation>Unit %1 dikirim.</translation>
    </message>
    <message>
        <source>Further call from %1 attached (its incident %2 cancelled as duplicate).</source>
        <translation>Panggilan tambahan dari %1 digabungkan (kejadiannya, %2, dibatalkan sebagai duplikat).</translation>
    </message>
    <message>
        <source>Cancelled: duplicate of incident %1.</source>
        <translation>Dibatalkan: duplikat kejadian %1.</translation>
    </message>
    <message>
        <source>Callback reached the caller of call %1 (rang at %2): emergency, incident opened.</source>
        <translation>Panggilan balik tersambung ke pelapor panggilan %1 (berdering pukul %2): darurat, kejadian dibuka.</translation>
    </message>
    <message>
        <source>Forwarded to %1 (%2).</source>
        <translation>Diteruskan ke %1 (%2).</translation>
    </message>
    <message>
        <source>%1 reported: %2.</source>
        <translation>Laporan %1: %2.</translation>
    </message>
    <message>
        <source>Still from camera %1 attached (SHA-256 %2).</source>
        <translation>Cuplikan gambar dari kamera %1 dilampirkan (sidik SHA-256 %2).</translation>
    </message>
    <message>
        <source>File attached (SHA-256 %1).</source>
        <translation>Berkas dilampirkan (sidik SHA-256 %1).</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <source>Available</source>
        <translation>Tersedia</translation>
    </message>
    <message>
        <source>Dispatched</source>
        <translation>Dikirim</translation>
    </message>
    <message>
        <source>Acknowledged</source>
        <translation>Dikonfirmasi</translation>
    </message>
    <message>
        <source>En route</source>
        <translation>Dalam perjalanan</translation>
    </message>
    <message>
        <source>On scene</source>
        <translation>Tiba di lokasi</translation>
    </message>
    <message>
        <source>Patient contact</source>
        <translation>Kontak pasien</translation>
    </message>
    <message>
        <source>Transporting</source>
        <translation>Mengantar pasien</translation>
    </message>
    <message>
        <source>At hospital</source>
        <translation>Di rumah sakit</translation>
    </message>
    <message>
        <source>Cleared</source>
        <translation>Selesai tugas</translation>
    </message>
    <message>
        <source>Out of service</source>
        <translation>Tidak beroperasi</translation>
    </message>
    <message>
        <source>Off duty</source>
        <translation>Lepas dinas</translation>
    </message>
    <message>
        <source>Staging</source>
        <translation>Di titik kumpul</translation>
    </message>
    <message>
        <source>Delayed</source>
        <translation>Tertunda</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Dibatalkan</translation>
    </message>
    <message>
        <source>Police</source>
        <extracomment>Background colours for unit statuses; always shown beside the status text, never alone.</extracomment>
        <translation>Polisi</translation>
    </message>
    <message>
        <source>Fire and rescue</source>
        <translation>Pemadam kebakaran</translation>
    </message>
    <message>
        <source>Medical</source>
        <translation>Medis</translation>
    </message>
    <message>
        <source>Search and rescue</source>
        <translation>SAR</translation>
    </message>
    <message>
        <source>Disaster management</source>
        <translation>Penanggulangan bencana</translation>
    </message>
    <message>
        <source>Utilities</source>
        <translation>Utilitas</translation>
    </message>
    <message>
        <source>Transport</source>
        <translation>Perhubungan</translation>
    </message>
    <message>
        <source>Social services</source>
        <translation>Layanan sosial</translation>
    </message>
    <message>
        <source>Ringing</source>
        <translation>Berdering</translation>
    </message>
    <message>
        <source>Answered</source>
        <translation>Dijawab</translation>
    </message>
    <message>
        <source>Ended</source>
        <translation>Selesai</translation>
    </message>
    <message>
        <source>Emergency</source>
        <translation>Darurat</translation>
    </message>
    <message>
        <source>Information</source>
        <translation>Informasi</translation>
    </message>
    <message>
        <source>Prank</source>
        <translation>Iseng</translation>
    </message>
    <message>
        <source>Silent</source>
        <translation>Tanpa suara</translation>
    </message>
    <message>
        <source>Abandoned</source>
        <translation>Terputus</translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation>Duplikat</translation>
    </message>
    <message>
        <source>Wrong number / test</source>
        <translation>Salah sambung / uji</translation>
    </message>
    <message>
        <source>Number shown</source>
        <translation>Nomor tampil</translation>
    </message>
    <message>
        <source>Withheld</source>
        <translation>Disembunyikan</translation>
    </message>
    <message>
        <source>Unavailable</source>
        <translation>Tidak tersedia</translation>
    </message>
    <message>
        <source>(withheld number)</source>
        <translation>(nomor disembunyikan)</translation>
    </message>
    <message>
        <source>(number unavailable)</source>
        <translation>(nomor tidak tersedia)</translation>
    </message>
    <message>
        <source>New</source>
        <translation>Baru</translation>
    </message>
    <message>
        <source>Awaiting dispatch</source>
        <translation>Menunggu pengiriman unit</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Ditutup</translation>
    </message>
    <message>
        <source>Reopened</source>
        <translation>Dibuka kembali</translation>
    </message>
    <message>
        <source>Forwarded to agencies</source>
        <extracomment>Statuses in which an incident waits for the centre's first unit.</extracomment>
        <translation>Diteruskan ke instansi</translation>
    </message>
    <message>
        <source>P1 life-threatening</source>
        <translation>P1 mengancam nyawa</translation>
    </message>
    <message>
        <source>P2 urgent</source>
        <translation>P2 mendesak</translation>
    </message>
    <message>
        <source>P3 prompt</source>
        <translation>P3 segera</translation>
    </message>
    <message>
        <source>P4 routine</source>
        <translation>P4 rutin</translation>
    </message>
    <message>
        <source>Handled on scene</source>
        <translation>Ditangani di lokasi</translation>
    </message>
    <message>
        <source>Patient transported</source>
        <translation>Pasien dibawa ke RS/faskes</translation>
    </message>
    <message>
        <source>Referred to another agency</source>
        <translation>Dirujuk ke instansi lain</translation>
    </message>
    <message>
        <source>No action needed</source>
        <translation>Tanpa tindakan</translation>
    </message>
    <message>
        <source>Gone on arrival</source>
        <translation>Sudah tidak ada saat petugas tiba</translation>
    </message>
    <message>
        <source>False alarm</source>
        <translation>Laporan tidak benar/palsu</translation>
    </message>
    <message>
        <source>Duplicate of another incident</source>
        <translation>Duplikat kejadian lain</translation>
    </message>
    <message>
        <source>Not an emergency</source>
        <translation>Bukan darurat</translation>
    </message>
    <message>
        <source>Call-taker</source>
        <translation>Operator</translation>
    </message>
    <message>
        <source>Dispatcher</source>
        <translation>Petugas dispatch</translation>
    </message>
    <message>
        <source>Supervisor</source>
        <translation>Koordinator</translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation>Administrator</translation>
    </message>
    <message>
        <source>Reached, no emergency</source>
        <translation>Terhubung, bukan darurat</translation>
    </message>
    <message>
        <source>Reached, emergency</source>
        <translation>Terhubung, darurat</translation>
    </message>
    <message>
        <source>No answer</source>
        <translation>Tidak diangkat</translation>
    </message>
    <message>
        <source>Busy</source>
        <translation>Sibuk</translation>
    </message>
    <message>
        <source>Unreachable</source>
        <translation>Tidak dapat dihubungi</translation>
    </message>
    <message>
        <source>Closed by supervisor</source>
        <translation>Ditutup koordinator</translation>
    </message>
    <message>
        <source>Closed: call reclassified</source>
        <translation>Ditutup: panggilan diklasifikasi ulang</translation>
    </message>
    <message>
        <source>Small hours</source>
        <translation>Dini hari</translation>
    </message>
    <message>
        <source>Morning</source>
        <translation>Pagi</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>Siang</translation>
    </message>
    <message>
        <source>Afternoon</source>
        <translation>Sore</translation>
    </message>
    <message>
        <source>Evening</source>
        <translation>Petang</translation>
    </message>
    <message>
        <source>Night</source>
        <translation>Malam</translation>
    </message>
    <message>
        <source>Greeting given, call-taker identified</source>
        <translation>Salam diucapkan, operator menyebut identitas</translation>
    </message>
    <message>
        <source>Location asked for and verified</source>
        <translation>Lokasi ditanyakan dan dipastikan</translation>
    </message>
    <message>
        <source>Callback number confirmed</source>
        <translation>Nomor untuk dihubungi kembali dipastikan</translation>
    </message>
    <message>
        <source>Protocol card's questions asked, in order</source>
        <translation>Pertanyaan kartu protokol ditanyakan, berurutan</translation>
    </message>
    <message>
        <source>Call classed rightly</source>
        <translation>Jenis panggilan tepat</translation>
    </message>
    <message>
        <source>Category and priority fit the call</source>
        <translation>Kategori dan prioritas sesuai laporan</translation>
    </message>
    <message>
        <source>Units dispatched without delay</source>
        <translation>Unit dikirim tanpa penundaan</translation>
    </message>
    <message>
        <source>Narrative complete: what, who, where, what was done</source>
        <translation>Kronologi lengkap: apa, siapa, di mana, apa yang dilakukan</translation>
    </message>
    <message>
        <source>Calm, courteous and clear with the caller</source>
        <translation>Tenang, sopan, dan jelas kepada pelapor</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Ya</translation>
    </message>
    <message>
        <source>Partly</source>
        <translation>Sebagian</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Tidak</translation>
    </message>
    <message>
        <source>Not applicable</source>
        <translation>Tidak berlaku</translation>
    </message>
    <message>
        <source>Watch list</source>
        <translation>Daftar pantau</translation>
    </message>
    <message>
        <source>Block requested from telco</source>
        <translation>Blokir diminta ke operator seluler</translation>
    </message>
    <message>
        <source>no position</source>
        <translation>tanpa posisi</translation>
    </message>
    <message>
        <source>typed</source>
        <translation>diketik</translation>
    </message>
    <message>
        <source>handset (AML)</source>
        <translation>ponsel (AML)</translation>
    </message>
    <message>
        <source>centre of the kelurahan</source>
        <translation>titik tengah kelurahan</translation>
    </message>
    <message>
        <source>centre of the kecamatan</source>
        <translation>titik tengah kecamatan</translation>
    </message>
    <message>
        <source>satellite (GNSS)</source>
        <translation>satelit (GNSS)</translation>
    </message>
    <message>
        <source>Wi-Fi</source>
        <translation>Wi-Fi</translation>
    </message>
    <message>
        <source>mobile cell</source>
        <translation>sel seluler</translation>
    </message>
    <message>
        <source>on the incident</source>
        <translation>dipakai pada kejadian</translation>
    </message>
    <message>
        <source>offered (the incident has a typed position)</source>
        <translation>ditawarkan (kejadian sudah punya posisi yang diketik)</translation>
    </message>
    <message>
        <source>waiting for the call's incident</source>
        <translation>menunggu kejadian dari panggilan ini</translation>
    </message>
    <message>
        <source>no call from this number</source>
        <translation>tidak ada panggilan dari nomor ini</translation>
    </message>
    <message>
        <source>no position sent</source>
        <translation>ponsel tidak mengirim posisi</translation>
    </message>
    <message>
        <source>This call is no longer ringing.</source>
        <translation>Panggilan ini sudah tidak berdering.</translation>
    </message>
    <message>
        <source>Answer the call first.</source>
        <translation>Jawab panggilan terlebih dahulu.</translation>
    </message>
    <message>
        <source>The call was not found.</source>
        <translation>Panggilan tidak ditemukan.</translation>
    </message>
    <message>
        <source>A call is closed as information, prank, silent or wrong number.</source>
        <translation>Panggilan ditutup sebagai informasi, iseng, tanpa suara, atau salah sambung.</translation>
    </message>
    <message>
        <source>The incident was not found.</source>
        <translation>Kejadian tidak ditemukan.</translation>
    </message>
    <message>
        <source>The incident is closed.</source>
        <translation>Kejadian sudah ditutup.</translation>
    </message>
    <message>
        <source>The incident is not closed.</source>
        <translation>Kejadian belum ditutup.</translation>
    </message>
    <message>
        <source>That area is not in the list of areas.</source>
        <translation>Wilayah itu tidak ada dalam daftar wilayah.</translation>
    </message>
    <message>
        <source>Choose at least one unit (Space marks a unit).</source>
        <translation>Pilih minimal satu unit (Spasi menandai unit).</translation>
    </message>
    <message>
        <source>The unit is not available.</source>
        <translation>Unit tidak tersedia.</translation>
    </message>
    <message>
        <source>That status change is not allowed from the unit's status.</source>
        <translation>Perubahan status itu tidak diizinkan dari status unit saat ini.</translation>
    </message>
    <message>
        <source>The unit was not found.</source>
        <translation>Unit tidak ditemukan.</translation>
    </message>
    <message>
        <source>Dispatch units from the incident.</source>
        <translation>Kirim unit melalui kejadian.</translation>
    </message>
    <message>
        <source>Your role does not allow this.</source>
        <translation>Peran Anda tidak mengizinkan tindakan ini.</translation>
    </message>
    <message>
        <source>A correction must name a note of the same incident.</source>
        <translation>Koreksi harus merujuk catatan dari kejadian yang sama.</translation>
    </message>
    <message>
        <source>This category has no protocol card.</source>
        <translation>Kategori ini tidak memiliki kartu protokol.</translation>
    </message>
    <message>
        <source>That is not an answer to this question.</source>
        <translation>Itu bukan jawaban untuk pertanyaan ini.</translation>
    </message>
    <message>
        <source>The call is already attached to that incident.</source>
        <translation>Panggilan sudah digabungkan ke kejadian tersebut.</translation>
    </message>
    <message>
        <source>The call was attached to another incident; it cannot be closed as non-emergency.</source>
        <translation>Panggilan sudah digabungkan ke kejadian lain; tidak dapat ditutup sebagai bukan darurat.</translation>
    </message>
    <message>
        <source>That protocol card is for another category than the incident's.</source>
        <translation>Kartu protokol itu untuk kategori lain, bukan kategori kejadian ini.</translation>
    </message>
    <message>
        <source>The callback was not found.</source>
        <translation>Panggilan balik tidak ditemukan.</translation>
    </message>
    <message>
        <source>The callback is already closed.</source>
        <translation>Panggilan balik sudah ditutup.</translation>
    </message>
    <message>
        <source>Write why the callback is closed.</source>
        <translation>Tulis alasan panggilan balik ditutup.</translation>
    </message>
    <message>
        <source>The note is too long (at most 2000 characters).</source>
        <translation>Catatan terlalu panjang (maksimal 2000 karakter).</translation>
    </message>
    <message>
        <source>The number was withheld: it cannot be called back.</source>
        <translation>Nomor disembunyikan: tidak dapat ditelepon balik.</translation>
    </message>
    <message>
        <source>That is not an outcome of a callback attempt.</source>
        <translation>Itu bukan hasil percobaan panggilan balik.</translation>
    </message>
    <message>
        <source>That is not an outcome for closing a callback.</source>
        <translation>Itu bukan hasil untuk menutup panggilan balik.</translation>
    </message>
    <message>
        <source>The flag was not found.</source>
        <translation>Tanda tidak ditemukan.</translation>
    </message>
    <message>
        <source>The flag is already lifted.</source>
        <translation>Tanda sudah dicabut.</translation>
    </message>
    <message>
        <source>Check the number and the reason.</source>
        <translation>Periksa nomor dan alasannya.</translation>
    </message>
    <message>
        <source>Only a supervisor or an administrator can do this.</source>
        <translation>Hanya koordinator atau administrator yang dapat melakukan ini.</translation>
    </message>
    <message>
        <source>Write why the status is overridden.</source>
        <translation>Tulis alasan status diubah paksa.</translation>
    </message>
    <message>
        <source>The unit already has that status.</source>
        <translation>Unit sudah berstatus itu.</translation>
    </message>
    <message>
        <source>The unit has no incident to work on: dispatch it to the incident instead.</source>
        <translation>Unit tidak punya kejadian untuk ditangani: kirim unit ke kejadiannya.</translation>
    </message>
    <message>
        <source>The alert was not found.</source>
        <translation>Peringatan tidak ditemukan.</translation>
    </message>
    <message>
        <source>The handset position was not found.</source>
        <translation>Posisi ponsel tidak ditemukan.</translation>
    </message>
    <message>
        <source>The handset sent no position.</source>
        <translation>Ponsel tidak mengirim posisi.</translation>
    </message>
    <message>
        <source>Another unit already has this call sign.</source>
        <translation>Kode unit ini sudah dipakai unit lain.</translation>
    </message>
    <message>
        <source>The unit is working an incident; it can be taken off the roster once it is free.</source>
        <translation>Unit sedang menangani kejadian; unit dapat dikeluarkan dari daftar unit setelah bebas tugas.</translation>
    </message>
    <message>
        <source>Accounts exist already: a supervisor adds new ones.</source>
        <translation>Akun sudah ada: koordinator yang menambah akun baru.</translation>
    </message>
    <message>
        <source>Only an administrator can do this.</source>
        <translation>Hanya administrator yang dapat melakukan ini.</translation>
    </message>
    <message>
        <source>Check the fields marked beside them.</source>
        <translation>Periksa isian yang ditandai di sampingnya.</translation>
    </message>
    <message>
        <source>The user account was not found.</source>
        <translation>Akun pengguna tidak ditemukan.</translation>
    </message>
    <message>
        <source>This is the last active administrator: add another administrator first.</source>
        <translation>Ini administrator aktif terakhir: tambahkan administrator lain terlebih dahulu.</translation>
    </message>
    <message>
        <source>No one would be left to manage accounts: add another supervisor first.</source>
        <translation>Tidak akan ada lagi yang dapat mengelola akun: tambahkan koordinator lain terlebih dahulu.</translation>
    </message>
    <message>
        <source>A shift is already open: close it before opening the next one.</source>
        <translation>Masih ada shift yang dibuka: tutup dulu sebelum membuka shift berikutnya.</translation>
    </message>
    <message>
        <source>No shift is open: a supervisor opens one first.</source>
        <translation>Belum ada shift yang dibuka: koordinator membukanya lebih dulu.</translation>
    </message>
    <message>
        <source>That shift is not in the database.</source>
        <translation>Shift itu tidak ada di basis data.</translation>
    </message>
    <message>
        <source>That shift is closed already.</source>
        <translation>Shift itu sudah ditutup.</translation>
    </message>
    <message>
        <source>Close the shift first: the handover report covers the whole shift.</source>
        <translation>Tutup shift dulu: laporan serah terima mencakup seluruh shift.</translation>
    </message>
    <message>
        <source>That shift has no signed handover report yet.</source>
        <translation>Shift itu belum punya laporan serah terima yang ditandatangani.</translation>
    </message>
    <message>
        <source>The handover report is signed and cannot change: add an addendum instead.</source>
        <translation>Laporan serah terima sudah ditandatangani dan tidak dapat diubah: tambahkan adendum.</translation>
    </message>
    <message>
        <source>The outgoing lead has not signed the handover report yet.</source>
        <translation>Koordinator yang keluar belum menandatangani laporan serah terima.</translation>
    </message>
    <message>
        <source>The handover report has been acknowledged already.</source>
        <translation>Laporan serah terima sudah diterima.</translation>
    </message>
    <message>
        <source>The incoming lead acknowledges: not the person who signed the report.</source>
        <translation>Yang menerima adalah koordinator yang masuk, bukan orang yang menandatangani laporan.</translation>
    </message>
    <message>
        <source>That call was not drawn for review.</source>
        <translation>Panggilan itu tidak terpilih untuk ditinjau.</translation>
    </message>
    <message>
        <source>That call has been reviewed already.</source>
        <translation>Panggilan itu sudah ditinjau.</translation>
    </message>
    <message>
        <source>Answer every question of the review form (or mark it not applicable) first.</source>
        <translation>Jawab dulu semua pertanyaan formulir tinjauan (atau tandai tidak berlaku).</translation>
    </message>
    <message>
        <source>Training runs only on a training database; this console is on a live one.</source>
        <translation>Pelatihan hanya berjalan di basis data pelatihan; konsol ini memakai basis data operasional.</translation>
    </message>
    <message>
        <source>That training session does not exist.</source>
        <translation>Sesi pelatihan itu tidak ada.</translation>
    </message>
    <message>
        <source>That training session has ended.</source>
        <translation>Sesi pelatihan itu sudah selesai.</translation>
    </message>
    <message>
        <source>That call is not part of a training session.</source>
        <translation>Panggilan itu bukan bagian dari sesi pelatihan.</translation>
    </message>
    <message>
        <source>Another console changed this at the same moment. Look again and repeat if needed.</source>
        <translation>Konsol lain mengubah ini pada saat yang sama. Periksa kembali dan ulangi bila perlu.</translation>
    </message>
    <message>
        <source>Another console changed this field since you opened it: choose which value to keep.</source>
        <translation>Konsol lain mengubah isian ini sejak Anda membukanya: pilih nilai yang disimpan.</translation>
    </message>
    <message>
        <source>That agency is not in the directory.</source>
        <translation>Instansi itu tidak ada di direktori.</translation>
    </message>
    <message>
        <source>That agency is marked inactive in the directory.</source>
        <translation>Instansi itu ditandai nonaktif di direktori.</translation>
    </message>
    <message>
        <source>Another agency in the directory has that code.</source>
        <translation>Instansi lain di direktori sudah memakai kode itu.</translation>
    </message>
    <message>
        <source>The agency's entry is not valid: see the fields marked.</source>
        <translation>Data instansi belum benar: lihat kolom yang ditandai.</translation>
    </message>
    <message>
        <source>That forwarding does not exist.</source>
        <translation>Penerusan itu tidak ada.</translation>
    </message>
    <message>
        <source>That forwarding is closed already.</source>
        <translation>Penerusan itu sudah ditutup.</translation>
    </message>
    <message>
        <source>This incident is already forwarded to that agency and the forwarding is open.</source>
        <translation>Kejadian ini sudah diteruskan ke instansi itu dan penerusannya masih terbuka.</translation>
    </message>
    <message>
        <source>Forwardings to agencies are still open: record what they reported, or cancel them, first.</source>
        <translation>Masih ada penerusan ke instansi yang terbuka: catat laporan instansi, atau batalkan penerusannya, dahulu.</translation>
    </message>
    <message>
        <source>That time is before the incident was forwarded, or in the future.</source>
        <translation>Waktu itu sebelum kejadian diteruskan, atau di masa depan.</translation>
    </message>
    <message>
        <source>That report does not fit what the agency reported before (for example, arrived after handled).</source>
        <translation>Laporan itu tidak sesuai dengan laporan instansi sebelumnya (misalnya tiba setelah selesai ditangani).</translation>
    </message>
    <message>
        <source>The directory has no SMS number for that agency.</source>
        <translation>Direktori tidak punya nomor SMS instansi itu.</translation>
    </message>
    <message>
        <source>The directory has no telephone number for that agency.</source>
        <translation>Direktori tidak punya nomor telepon instansi itu.</translation>
    </message>
    <message>
        <source>This console has no telephone extension set (Settings), so the PBX cannot ring you first.</source>
        <translation>Konsol ini belum punya nomor ekstensi telepon (Pengaturan), jadi PBX tidak bisa menelepon Anda dahulu.</translation>
    </message>
    <message>
        <source>That message is not in the outbox.</source>
        <translation>Pesan itu tidak ada di kotak keluar.</translation>
    </message>
    <message>
        <source>That camera is not in the registry.</source>
        <translation>Kamera itu tidak ada di daftar kamera.</translation>
    </message>
    <message>
        <source>Another camera in the registry has that id.</source>
        <translation>Kamera lain di daftar kamera sudah memakai ID itu.</translation>
    </message>
    <message>
        <source>The camera's entry is not valid: see the fields marked.</source>
        <translation>Data kamera belum benar: lihat kolom yang ditandai.</translation>
    </message>
    <message>
        <source>That file is too large to attach.</source>
        <translation>Berkas itu terlalu besar untuk dilampirkan.</translation>
    </message>
    <message>
        <source>That file is empty: nothing was attached.</source>
        <translation>Berkas itu kosong: tidak ada yang dilampirkan.</translation>
    </message>
    <message>
        <source>Console registered</source>
        <translation>Konsol didaftarkan</translation>
    </message>
    <message>
        <source>Account created</source>
        <translation>Akun dibuat</translation>
    </message>
    <message>
        <source>Logged in</source>
        <translation>Masuk</translation>
    </message>
    <message>
        <source>Login failed</source>
        <translation>Gagal masuk</translation>
    </message>
    <message>
        <source>Logged out</source>
        <translation>Keluar</translation>
    </message>
    <message>
        <source>Account unlocked</source>
        <translation>Akun dibuka kuncinya</translation>
    </message>
    <message>
        <source>Account deactivated</source>
        <translation>Akun dinonaktifkan</translation>
    </message>
    <message>
        <source>Account reactivated</source>
        <translation>Akun diaktifkan kembali</translation>
    </message>
    <message>
        <source>Password reset</source>
        <translation>Kata sandi diatur ulang</translation>
    </message>
    <message>
        <source>Role changed</source>
        <translation>Peran diubah</translation>
    </message>
    <message>
        <source>Call came in (feed)</source>
        <translation>Panggilan masuk (sumber)</translation>
    </message>
    <message>
        <source>Call ringing (feed)</source>
        <translation>Panggilan berdering (sumber)</translation>
    </message>
    <message>
        <source>Call answered (feed)</source>
        <translation>Panggilan diangkat (sumber)</translation>
    </message>
    <message>
        <source>Call ended (feed)</source>
        <translation>Panggilan berakhir (sumber)</translation>
    </message>
    <message>
        <source>Call answered</source>
        <translation>Panggilan diterima</translation>
    </message>
    <message>
        <source>Call hung up</source>
        <translation>Panggilan ditutup</translation>
    </message>
    <message>
        <source>Call classified</source>
        <translation>Panggilan diklasifikasikan</translation>
    </message>
    <message>
        <source>Call attached to an incident</source>
        <translation>Panggilan digabung ke kejadian</translation>
    </message>
    <message>
        <source>Call ended as its incident closed</source>
        <translation>Panggilan diakhiri karena kejadiannya ditutup</translation>
    </message>
    <message>
        <source>Call left over from an earlier run ended</source>
        <translation>Panggilan sisa dari sesi sebelumnya diakhiri</translation>
    </message>
    <message>
        <source>Incident opened</source>
        <translation>Kejadian dibuka</translation>
    </message>
    <message>
        <source>Incident field changed</source>
        <translation>Isian kejadian diubah</translation>
    </message>
    <message>
        <source>Incident area set</source>
        <translation>Wilayah kejadian ditetapkan</translation>
    </message>
    <message>
        <source>Incident position set</source>
        <translation>Posisi kejadian ditetapkan</translation>
    </message>
    <message>
        <source>Incident marks changed</source>
        <translation>Tanda kejadian diubah</translation>
    </message>
    <message>
        <source>Note added</source>
        <translation>Catatan ditambahkan</translation>
    </message>
    <message>
        <source>Protocol question answered</source>
        <translation>Pertanyaan protokol dijawab</translation>
    </message>
    <message>
        <source>Incident closed</source>
        <translation>Kejadian ditutup</translation>
    </message>
    <message>
        <source>Incident cancelled</source>
        <translation>Kejadian dibatalkan</translation>
    </message>
    <message>
        <source>Incident reopened</source>
        <translation>Kejadian dibuka kembali</translation>
    </message>
    <message>
        <source>Unit added</source>
        <translation>Unit ditambahkan</translation>
    </message>
    <message>
        <source>Unit changed</source>
        <translation>Unit diubah</translation>
    </message>
    <message>
        <source>Unit put back on the roster</source>
        <translation>Unit dikembalikan ke daftar unit</translation>
    </message>
    <message>
        <source>Unit taken off the roster</source>
        <translation>Unit dikeluarkan dari daftar unit</translation>
    </message>
    <message>
        <source>Unit dispatched</source>
        <translation>Unit dikirim</translation>
    </message>
    <message>
        <source>Unit status changed</source>
        <translation>Status unit diubah</translation>
    </message>
    <message>
        <source>Unit status overridden</source>
        <translation>Status unit diubah paksa</translation>
    </message>
    <message>
        <source>Unit available again as its incident ended</source>
        <translation>Unit tersedia lagi karena kejadiannya selesai</translation>
    </message>
    <message>
        <source>Roster loaded</source>
        <translation>Daftar unit dimuat</translation>
    </message>
    <message>
        <source>Roster imported</source>
        <translation>Daftar unit diimpor</translation>
    </message>
    <message>
        <source>Callback queued</source>
        <translation>Panggilan balik diantrekan</translation>
    </message>
    <message>
        <source>Callback attempted</source>
        <translation>Panggilan balik dicoba</translation>
    </message>
    <message>
        <source>Callback closed</source>
        <translation>Panggilan balik ditutup</translation>
    </message>
    <message>
        <source>Callback reached an emergency</source>
        <translation>Panggilan balik menemukan keadaan darurat</translation>
    </message>
    <message>
        <source>Number put on the watch list</source>
        <translation>Nomor masuk daftar pantauan</translation>
    </message>
    <message>
        <source>Number flag lifted</source>
        <translation>Tanda nomor dicabut</translation>
    </message>
    <message>
        <source>Alert raised</source>
        <translation>Peringatan muncul</translation>
    </message>
    <message>
        <source>Alert acknowledged</source>
        <translation>Peringatan dikonfirmasi</translation>
    </message>
    <message>
        <source>Alert cleared</source>
        <translation>Peringatan selesai</translation>
    </message>
    <message>
        <source>Feed down</source>
        <translation>Sumber panggilan terputus</translation>
    </message>
    <message>
        <source>Feed up again</source>
        <translation>Sumber panggilan tersambung lagi</translation>
    </message>
    <message>
        <source>Shift opened</source>
        <translation>Shift dibuka</translation>
    </message>
    <message>
        <source>Shift closed</source>
        <translation>Shift ditutup</translation>
    </message>
    <message>
        <source>Pass-down instructions written</source>
        <translation>Pesan untuk shift berikutnya ditulis</translation>
    </message>
    <message>
        <source>Handover report signed</source>
        <translation>Laporan serah terima ditandatangani</translation>
    </message>
    <message>
        <source>Handover report acknowledged</source>
        <translation>Laporan serah terima diterima</translation>
    </message>
    <message>
        <source>Addendum to a handover report</source>
        <translation>Adendum laporan serah terima</translation>
    </message>
    <message>
        <source>Calls drawn for review</source>
        <translation>Panggilan dipilih untuk ditinjau</translation>
    </message>
    <message>
        <source>Call reviewed</source>
        <translation>Panggilan ditinjau</translation>
    </message>
    <message>
        <source>Training scenario started</source>
        <translation>Skenario latihan dimulai</translation>
    </message>
    <message>
        <source>Training call rang</source>
        <translation>Panggilan latihan masuk</translation>
    </message>
    <message>
        <source>Simulated caller spoke</source>
        <translation>Pelapor simulasi berbicara</translation>
    </message>
    <message>
        <source>Training scenario ended</source>
        <translation>Skenario latihan selesai</translation>
    </message>
    <message>
        <source>Training call scored</source>
        <translation>Panggilan latihan dinilai</translation>
    </message>
    <message>
        <source>Report written to a file</source>
        <translation>Laporan disimpan ke berkas</translation>
    </message>
    <message>
        <source>Feed gateway started</source>
        <translation>Gateway sumber panggilan dimulai</translation>
    </message>
    <message>
        <source>Feed gateway stopped</source>
        <translation>Gateway sumber panggilan berhenti</translation>
    </message>
    <message>
        <source>Old change notices removed</source>
        <translation>Pemberitahuan perubahan lama dihapus</translation>
    </message>
    <message>
        <source>Handset position received</source>
        <translation>Posisi ponsel diterima</translation>
    </message>
    <message>
        <source>Agency added to the directory</source>
        <translation>Instansi ditambahkan ke direktori</translation>
    </message>
    <message>
        <source>Agency changed in the directory</source>
        <translation>Instansi diubah di direktori</translation>
    </message>
    <message>
        <source>Agency directory imported</source>
        <translation>Direktori instansi diimpor</translation>
    </message>
    <message>
        <source>Incident forwarded to an agency</source>
        <translation>Kejadian diteruskan ke instansi</translation>
    </message>
    <message>
        <source>Forwarding corrected</source>
        <translation>Penerusan dikoreksi</translation>
    </message>
    <message>
        <source>Agency report recorded</source>
        <translation>Laporan instansi dicatat</translation>
    </message>
    <message>
        <source>Message or call queued for sending</source>
        <translation>Pesan atau panggilan menunggu dikirim</translation>
    </message>
    <message>
        <source>Message sent or call started</source>
        <translation>Pesan terkirim atau panggilan dimulai</translation>
    </message>
    <message>
        <source>Message or call could not be sent</source>
        <translation>Pesan atau panggilan gagal dikirim</translation>
    </message>
    <message>
        <source>Delivery report received</source>
        <translation>Laporan pengiriman diterima</translation>
    </message>
    <message>
        <source>Camera added to the registry</source>
        <translation>Kamera ditambahkan ke daftar kamera</translation>
    </message>
    <message>
        <source>Camera changed in the registry</source>
        <translation>Kamera diubah di daftar kamera</translation>
    </message>
    <message>
        <source>Camera registry imported</source>
        <translation>Daftar kamera diimpor</translation>
    </message>
    <message>
        <source>File attached to an incident</source>
        <translation>Berkas dilampirkan pada kejadian</translation>
    </message>
    <message>
        <source>Typed</source>
        <translation>Diketik</translation>
    </message>
    <message>
        <source>Console</source>
        <translation>Konsol</translation>
    </message>
    <message>
        <source>Protocol card</source>
        <translation>Kartu protokol</translation>
    </message>
    <message>
        <source>Copied from a duplicate</source>
        <translation>Disalin dari kejadian ganda</translation>
    </message>
    <message>
        <source>%1 is %2: it can go to %3. A supervisor can override (Ctrl+Shift+F7).</source>
        <translation>%1 berstatus %2: bisa diubah ke %3. Koordinator dapat mengubah paksa (Ctrl+Shift+F7).</translation>
    </message>
    <message>
        <source>no other status</source>
        <translation>tidak ada status lain</translation>
    </message>
    <message>
        <source>On answer</source>
        <translation>Saat dijawab</translation>
    </message>
    <message>
        <source>Asked</source>
        <translation>Ditanya</translation>
    </message>
    <message>
        <source>Heard in the narrative</source>
        <translation>Terdengar di kronologi</translation>
    </message>
    <message>
        <source>Called back</source>
        <translation>Ditelepon balik</translation>
    </message>
    <message>
        <source>Trainer, live</source>
        <translation>Pelatih, langsung</translation>
    </message>
    <message>
        <source>Hung up</source>
        <translation>Menutup telepon</translation>
    </message>
    <message>
        <source>the Indonesian text (id) is empty</source>
        <translation>teks bahasa Indonesia (id) kosong</translation>
    </message>
    <message>
        <source>the English text (en) is empty</source>
        <translation>teks bahasa Inggris (en) kosong</translation>
    </message>
    <message>
        <source>the file cannot be read: {reason}</source>
        <translation>berkas tidak dapat dibaca: {reason}</translation>
    </message>
    <message>
        <source>not UTF-8 text (byte {byte})</source>
        <translation>bukan teks UTF-8 (bita {byte})</translation>
    </message>
    <message>
        <source>the file is empty</source>
        <translation>berkas kosong</translation>
    </message>
    <message>
        <source>column {column}: a value was expected (text in double quotes, a number, true, false, null, {...} or [...])</source>
        <translation>kolom {column}: seharusnya ada nilai (teks dalam tanda kutip ganda, angka, true, false, null, {...} atau [...])</translation>
    </message>
    <message>
        <source>column {column}: a name in double quotes was expected (a comma too many?)</source>
        <translation>kolom {column}: seharusnya ada nama dalam tanda kutip ganda (kelebihan koma?)</translation>
    </message>
    <message>
        <source>column {column}: ':' was expected after the name</source>
        <translation>kolom {column}: seharusnya ada ':' setelah nama</translation>
    </message>
    <message>
        <source>column {column}: ',' or '{close}' was expected (a comma missing?)</source>
        <translation>kolom {column}: seharusnya ada ',' atau '{close}' (kurang koma?)</translation>
    </message>
    <message>
        <source>column {column}: a comma before the end of an object or list (JSON allows none there)</source>
        <translation>kolom {column}: ada koma sebelum akhir objek atau daftar (JSON tidak mengizinkannya)</translation>
    </message>
    <message>
        <source>column {column}: the text in quotes is not closed</source>
        <translation>kolom {column}: teks dalam tanda kutip tidak ditutup</translation>
    </message>
    <message>
        <source>column {column}: a line break or control character inside quotes (write \n)</source>
        <translation>kolom {column}: ada pindah baris atau karakter kendali di dalam tanda kutip (tulis \n)</translation>
    </message>
    <message>
        <source>column {column}: a backslash must be followed by " \ / b f n r t or uXXXX</source>
        <translation>kolom {column}: garis miring terbalik harus diikuti " \ / b f n r t atau uXXXX</translation>
    </message>
    <message>
        <source>column {column}: the number is too large</source>
        <translation>kolom {column}: angkanya terlalu besar</translation>
    </message>
    <message>
        <source>column {column}: more after the end of the scenario</source>
        <translation>kolom {column}: masih ada isi setelah akhir skenario</translation>
    </message>
    <message>
        <source>column {column}: nested too deeply</source>
        <translation>kolom {column}: bersarang terlalu dalam</translation>
    </message>
    <message>
        <source>{key} is given twice in the same object</source>
        <translation>{key} diberikan dua kali dalam objek yang sama</translation>
    </message>
    <message>
        <source>a control character ({code}) in the text</source>
        <translation>ada karakter kendali ({code}) dalam teks</translation>
    </message>
    <message>
        <source>should be {expected}, not {found}</source>
        <translation>seharusnya {expected}, bukan {found}</translation>
    </message>
    <message>
        <source>unknown name {key} (allowed: {allowed})</source>
        <translation>nama {key} tidak dikenal (yang boleh: {allowed})</translation>
    </message>
    <message>
        <source>{key} is missing</source>
        <translation>{key} tidak ada</translation>
    </message>
    <message>
        <source>the format is {value}; this console reads {expected}</source>
        <translation>formatnya {value}; konsol ini membaca {expected}</translation>
    </message>
    <message>
        <source>the id {value} differs from the file name: it should be {expected}</source>
        <translation>id {value} berbeda dari nama berkas: seharusnya {expected}</translation>
    </message>
    <message>
        <source>{value} may only have the characters {allowed}</source>
        <translation>{value} hanya boleh berisi karakter {allowed}</translation>
    </message>
    <message>
        <source>the key {value} is already used by another call or surge</source>
        <translation>kunci {value} sudah dipakai panggilan atau lonjakan lain</translation>
    </message>
    <message>
        <source>{value} is given twice</source>
        <translation>{value} diberikan dua kali</translation>
    </message>
    <message>
        <source>{value} is less than {minimum}</source>
        <translation>{value} kurang dari {minimum}</translation>
    </message>
    <message>
        <source>{value} should be more than 0</source>
        <translation>{value} seharusnya lebih dari 0</translation>
    </message>
    <message>
        <source>{value} is more than {maximum}</source>
        <translation>{value} lebih dari {maximum}</translation>
    </message>
    <message>
        <source>{value} is not before the scenario's end ({duration} s)</source>
        <translation>{value} tidak sebelum akhir skenario ({duration} detik)</translation>
    </message>
    <message>
        <source>the {language} text is empty</source>
        <translation>teks {language} kosong</translation>
    </message>
    <message>
        <source>should not be empty</source>
        <translation>tidak boleh kosong</translation>
    </message>
    <message>
        <source>{value} has no letter or digit: it can never be heard in a narrative</source>
        <translation>{value} tidak berisi huruf atau angka: tidak akan pernah terdengar dalam kronologi</translation>
    </message>
    <message>
        <source>{length} characters, more than {maximum}</source>
        <translation>{length} karakter, lebih dari {maximum}</translation>
    </message>
    <message>
        <source>{value} is not a number as caller ID gives it (digits, + first, P withheld, O unavailable)</source>
        <translation>{value} bukan nomor seperti yang diberikan caller ID (angka, + di depan, P disembunyikan, O tidak tersedia)</translation>
    </message>
    <message>
        <source>{value} is not one of {allowed}</source>
        <translation>{value} bukan salah satu dari {allowed}</translation>
    </message>
    <message>
        <source>{value} is not a category of the catalogue ({allowed})</source>
        <translation>{value} bukan kategori dalam katalog ({allowed})</translation>
    </message>
    <message>
        <source>the category {category} has no protocol card, so no questions</source>
        <translation>kategori {category} tidak punya kartu protokol, jadi tidak ada pertanyaan</translation>
    </message>
    <message>
        <source>{value} is not a question on the {category} protocol card ({allowed})</source>
        <translation>{value} bukan pertanyaan pada kartu protokol {category} ({allowed})</translation>
    </message>
    <message>
        <source>the required question {value} has no answer in the script</source>
        <translation>pertanyaan wajib {value} tidak punya jawaban dalam naskah</translation>
    </message>
    <message>
        <source>{value} is not a code of the area table</source>
        <translation>{value} bukan kode dalam tabel wilayah</translation>
    </message>
    <message>
        <source>{value} ({name}) is not a kelurahan or desa: give a code of four parts (33.74.13.1003)</source>
        <translation>{value} ({name}) bukan kelurahan atau desa: berikan kode empat bagian (33.74.13.1003)</translation>
    </message>
    <message>
        <source>{lat}, {lon} is outside Indonesia (latitude first, then longitude)</source>
        <translation>{lat}, {lon} berada di luar Indonesia (lintang dulu, lalu bujur)</translation>
    </message>
    <message>
        <source>{key} is only for an emergency (the class is {call_class})</source>
        <translation>{key} hanya untuk keadaan darurat (jenisnya {call_class})</translation>
    </message>
    <message>
        <source>after_callback is only for a silent call (the class is {call_class})</source>
        <translation>after_callback hanya untuk panggilan tanpa suara (jenisnya {call_class})</translation>
    </message>
    <message>
        <source>a silent caller says nothing on answer: the opening should be null</source>
        <translation>pelapor tanpa suara tidak berkata apa pun saat dijawab: opening seharusnya null</translation>
    </message>
    <message>
        <source>a silent call that is {after} on callback needs the caller's callback line</source>
        <translation>panggilan tanpa suara yang menjadi {after} saat ditelepon balik memerlukan ucapan pelapor saat ditelepon balik</translation>
    </message>
    <message>
        <source>the scenario has no calls and no surges</source>
        <translation>skenario tidak berisi panggilan maupun lonjakan</translation>
    </message>
    <message>
        <source>an object {...}</source>
        <translation>sebuah objek {...}</translation>
    </message>
    <message>
        <source>a list [...]</source>
        <translation>sebuah daftar [...]</translation>
    </message>
    <message>
        <source>text in double quotes</source>
        <translation>teks dalam tanda kutip ganda</translation>
    </message>
    <message>
        <source>a whole number</source>
        <translation>bilangan bulat</translation>
    </message>
    <message>
        <source>a number</source>
        <translation>angka</translation>
    </message>
    <message>
        <source>true or false</source>
        <translation>true atau false</translation>
    </message>
    <message>
        <source>null</source>
        <translation>null</translation>
    </message>
    <message>
        <source>a pair [latitude, longitude]</source>
        <translation>pasangan [lintang, bujur]</translation>
    </message>
    <message>
        <source>text in both languages or null</source>
        <translation>teks dalam kedua bahasa atau null</translation>
    </message>
    <message>
        <source>Telephone</source>
        <translation>Telepon</translation>
    </message>
    <message>
        <source>Telephone (dialled by the console)</source>
        <translation>Telepon (dipanggil oleh konsol)</translation>
    </message>
    <message>
        <source>Radio call</source>
        <translation>Panggilan radio</translation>
    </message>
    <message>
        <source>SMS from the console</source>
        <translation>SMS dari konsol</translation>
    </message>
    <message>
        <source>WhatsApp message</source>
        <translation>Pesan WhatsApp</translation>
    </message>
    <message>
        <source>acknowledged by the agency</source>
        <translation>dikonfirmasi instansi</translation>
    </message>
    <message>
        <source>being sent</source>
        <translation>sedang dikirim</translation>
    </message>
    <message>
        <source>sent, no delivery report yet</source>
        <translation>terkirim, belum ada laporan sampai</translation>
    </message>
    <message>
        <source>could not be sent</source>
        <translation>gagal dikirim</translation>
    </message>
    <message>
        <source>delivered to the handset</source>
        <translation>sampai di ponsel tujuan</translation>
    </message>
    <message>
        <source>In person (liaison in the room)</source>
        <translation>Langsung (petugas penghubung di ruangan)</translation>
    </message>
    <message>
        <source>forwarded, not acknowledged</source>
        <translation>diteruskan, belum dikonfirmasi</translation>
    </message>
    <message>
        <source>agency dispatched</source>
        <translation>instansi mengirim petugas</translation>
    </message>
    <message>
        <source>agency at the scene</source>
        <translation>petugas instansi tiba di lokasi</translation>
    </message>
    <message>
        <source>handled by the agency</source>
        <translation>ditangani instansi</translation>
    </message>
    <message>
        <source>forwarding cancelled</source>
        <translation>penerusan dibatalkan</translation>
    </message>
    <message>
        <source>Arrived at the scene</source>
        <translation>Tiba di lokasi</translation>
    </message>
    <message>
        <source>Handled</source>
        <translation>Selesai ditangani</translation>
    </message>
    <message>
        <source>Needs more help</source>
        <translation>Butuh bantuan tambahan</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Catatan</translation>
    </message>
    <message>
        <source>Forwarding cancelled</source>
        <translation>Penerusan dibatalkan</translation>
    </message>
    <message>
        <source>recorded by the operator</source>
        <translation>dicatat operator</translation>
    </message>
    <message>
        <source>SMS reply</source>
        <translation>balasan SMS</translation>
    </message>
    <message>
        <source>waiting to be sent</source>
        <translation>menunggu dikirim</translation>
    </message>
    <message>
        <source>not delivered</source>
        <translation>tidak sampai</translation>
    </message>
    <message>
        <source>forwarded to</source>
        <translation>diteruskan ke instansi</translation>
    </message>
    <message>
        <source>in the room, with its units</source>
        <translation>di ruangan, dengan unitnya</translation>
    </message>
</context>
<context>
    <name>LocationEntry</name>
    <message>
        <source>province</source>
        <extracomment>The registry's entry for Ctrl+H (a key of the incident form, ``ui/actions.py``).</extracomment>
        <translation>provinsi</translation>
    </message>
    <message>
        <source>kabupaten/kota</source>
        <translation>kabupaten/kota</translation>
    </message>
    <message>
        <source>kecamatan</source>
        <translation>kecamatan</translation>
    </message>
    <message>
        <source>kelurahan/desa</source>
        <translation>kelurahan/desa</translation>
    </message>
    <message>
        <source>No %1 named “%2” is known: check the spelling or use Find area (Ctrl+L).</source>
        <translation>Tidak ada %1 bernama “%2”: periksa ejaan atau gunakan Cari wilayah (Ctrl+L).</translation>
    </message>
    <message>
        <source>“%1” is not in the %2 “%3”: one of them is wrong.</source>
        <translation>“%1” tidak berada di %2 “%3”: salah satunya keliru.</translation>
    </message>
    <message>
        <source>Latitude and longitude look swapped: latitude comes first. Did you mean %1?</source>
        <translation>Lintang dan bujur tampak tertukar: lintang ditulis lebih dulu. Maksud Anda %1?</translation>
    </message>
    <message>
        <source>Not a position: paste e.g. -6.99306, 110.42083, 6°59'35"S 110°25'15"E or a map link.</source>
        <translation>Bukan posisi: tempel misalnya -6.99306, 110.42083, 6°59'35"S 110°25'15"E atau tautan peta.</translation>
    </message>
    <message>
        <source>This link has no coordinates in it (a short link): open it and copy the position.</source>
        <translation>Tautan ini tidak memuat koordinat (tautan pendek): buka tautannya lalu salin posisinya.</translation>
    </message>
    <message>
        <source>Latitude must be between -90 and 90 (Indonesia: about -11 to 6).</source>
        <translation>Lintang harus antara -90 dan 90 (Indonesia: sekitar -11 s.d. 6).</translation>
    </message>
    <message>
        <source>Longitude must be between -180 and 180 (Indonesia: about 95 to 141).</source>
        <translation>Bujur harus antara -180 dan 180 (Indonesia: sekitar 95 s.d. 141).</translation>
    </message>
    <message>
        <source>Latitude and longitude look swapped.</source>
        <translation>Lintang dan bujur tampak tertukar.</translation>
    </message>
    <message>
        <source>No position yet: pick the kelurahan (Ctrl+L) or paste a position here.</source>
        <translation>Belum ada posisi: pilih kelurahan (Ctrl+L) atau tempel posisi di sini.</translation>
    </message>
    <message>
        <source>Centre of the kelurahan %1</source>
        <translation>Titik tengah kelurahan %1</translation>
    </message>
    <message>
        <source>Centre of the kecamatan %1</source>
        <translation>Titik tengah kecamatan %1</translation>
    </message>
    <message>
        <source>Centre of the kelurahan %1, about %2</source>
        <translation>Titik tengah kelurahan %1, sekitar %2</translation>
    </message>
    <message>
        <source>Centre of the kecamatan %1, about %2</source>
        <translation>Titik tengah kecamatan %1, sekitar %2</translation>
    </message>
    <message>
        <source>Handset (AML) by %1</source>
        <translation>Posisi ponsel (AML) dari %1</translation>
    </message>
    <message>
        <source>Handset (AML)</source>
        <translation>Posisi ponsel (AML)</translation>
    </message>
    <message>
        <source>fixed at %1</source>
        <translation>diukur pukul %1</translation>
    </message>
    <message>
        <source>Typed at %1</source>
        <translation>Diketik pukul %1</translation>
    </message>
    <message>
        <source>Typed</source>
        <translation>Diketik</translation>
    </message>
    <message>
        <source>Find the location</source>
        <translation>Cari lokasi</translation>
    </message>
    <message>
        <source>Type a kelurahan, kecamatan or kota, pick with ↓ and Enter (Ctrl+L)</source>
        <translation>Ketik kelurahan, kecamatan, atau kota, pilih dengan ↓ dan Enter (Ctrl+L)</translation>
    </message>
    <message>
        <source>Paste -6.99306, 110.42083, degrees-minutes-seconds or a map link</source>
        <translation>Tempel -6.99306, 110.42083, derajat-menit-detik, atau tautan peta</translation>
    </message>
    <message>
        <source>Find area</source>
        <translation>Cari wilayah</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>Posisi</translation>
    </message>
    <message>
        <source>Use handset position (%1)</source>
        <translation>Pakai posisi ponsel (%1)</translation>
    </message>
    <message>
        <source>No handset position is waiting for this incident.</source>
        <translation>Tidak ada posisi ponsel yang menunggu untuk kejadian ini.</translation>
    </message>
    <message>
        <source>Not used: the database is away. Press it again when it is back.</source>
        <translation>Belum dipakai: basis data tidak terjangkau. Tekan lagi begitu tersambung kembali.</translation>
    </message>
    <message>
        <source>Premise history: no earlier incidents here.</source>
        <translation>Riwayat lokasi: belum ada kejadian sebelumnya di sini.</translation>
    </message>
    <message>
        <source>Premise history (same kelurahan or within 200 m):</source>
        <translation>Riwayat lokasi (kelurahan sama atau dalam radius 200 m):</translation>
    </message>
    <message>
        <source>same kelurahan</source>
        <translation>kelurahan sama</translation>
    </message>
    <message>
        <source>No area matches “%1”.</source>
        <translation>Wilayah “%1” tidak ditemukan.</translation>
    </message>
    <message>
        <source>This area's names do not fit the form.</source>
        <translation>Nama wilayah ini tidak sesuai dengan formulir.</translation>
    </message>
    <message>
        <source>The location of incident %1 could not be saved: %2</source>
        <translation>Lokasi kejadian %1 tidak dapat disimpan: %2</translation>
    </message>
    <message>
        <source>%1 from the position now used</source>
        <translation>%1 dari posisi yang dipakai sekarang</translation>
    </message>
    <message>
        <source>Handset position received: %1.</source>
        <translation>Posisi ponsel diterima: %1.</translation>
    </message>
    <message>
        <source>✎ Not saved yet: the database is away. %1 is saved when it is back.</source>
        <translation>✎ Belum tersimpan: basis data tidak terjangkau. %1 disimpan begitu tersambung kembali.</translation>
    </message>
    <message>
        <source>The location of incident %1 was changed at another console meanwhile: open it to choose.</source>
        <translation>Lokasi kejadian %1 diubah di konsol lain sementara itu: buka kejadian itu untuk memilih.</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>(kosong)</translation>
    </message>
    <message>
        <source>⚠ The address was changed at another console to: %1 — yours: %2. F11 keeps theirs, F12 uses yours.</source>
        <translation>⚠ Alamat diubah di konsol lain menjadi: %1 — nilai Anda: %2. F11 pakai nilai konsol lain, F12 pakai nilai saya.</translation>
    </message>
    <message>
        <source>⚠ The position was changed at another console to: %1 — yours: %2. F11 keeps theirs, F12 uses yours.</source>
        <translation>⚠ Posisi diubah di konsol lain menjadi: %1 — nilai Anda: %2. F11 pakai nilai konsol lain, F12 pakai nilai saya.</translation>
    </message>
    <message>
        <source>✎ Not saved yet: the database is away. Kept as typed; saved when it is back.</source>
        <translation>✎ Belum tersimpan: basis data tidak terjangkau. Tetap seperti yang diketik; disimpan begitu tersambung kembali.</translation>
    </message>
    <message>
        <source>Saved: %1</source>
        <translation>Tersimpan: %1</translation>
    </message>
    <message>
        <source>Saved, but this is outside Indonesia: %1. Check it with the caller.</source>
        <translation>Tersimpan, tetapi berada di luar Indonesia: %1. Periksa dengan pelapor.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>TRAINING: simulated calls, training database. Not a live 112 line.</source>
        <translation>PELATIHAN: panggilan simulasi, basis data pelatihan. Bukan saluran 112 aktif.</translation>
    </message>
    <message>
        <source>Calls (Ctrl+1)</source>
        <translation>Panggilan (Ctrl+1)</translation>
    </message>
    <message>
        <source>Only a supervisor can close a callback without reaching the caller.</source>
        <translation>Hanya koordinator yang dapat menutup panggilan balik tanpa terhubung dengan pelapor.</translation>
    </message>
    <message>
        <source>On the line</source>
        <translation>Sedang tersambung</translation>
    </message>
    <message>
        <source>No call on the line at this console.</source>
        <translation>Tidak ada panggilan yang sedang tersambung di konsol ini.</translation>
    </message>
    <message>
        <source>Ringing</source>
        <translation>Berdering</translation>
    </message>
    <message>
        <source>Active incidents (Ctrl+2)</source>
        <translation>Kejadian aktif (Ctrl+2)</translation>
    </message>
    <message>
        <source>Callbacks (Ctrl+4) (%1)</source>
        <extracomment>In training, the dial before the outcome is chosen (``TrainingWork.dial``): what the scenario's caller says when called back ("No answer." when silent), None when the call is not a scenario's.</extracomment>
        <translation>Panggilan balik (Ctrl+4) (%1)</translation>
    </message>
    <message>
        <source>No callback is waiting.</source>
        <translation>Tidak ada panggilan balik yang menunggu.</translation>
    </message>
    <message>
        <source>Call back %1 (%2 attempts so far); outcome:</source>
        <translation>Telepon balik %1 (sudah %2 percobaan); hasil:</translation>
    </message>
    <message>
        <source>Callback to %1: %2.</source>
        <translation>Panggilan balik ke %1: %2.</translation>
    </message>
    <message>
        <source>Close the callback to %1 as:</source>
        <translation>Tutup panggilan balik ke %1 sebagai:</translation>
    </message>
    <message>
        <source>Close the callback</source>
        <translation>Tutup panggilan balik</translation>
    </message>
    <message>
        <source>Why is it closed? (kept with the callback)</source>
        <translation>Mengapa ditutup? (disimpan bersama panggilan balik)</translation>
    </message>
    <message>
        <source>Callback to %1 closed: %2.</source>
        <translation>Panggilan balik ke %1 ditutup: %2.</translation>
    </message>
    <message>
        <source>Dispatch (F6)</source>
        <translation>Pengiriman unit (F6)</translation>
    </message>
    <message>
        <source>Protocol card (Ctrl+P)</source>
        <translation>Kartu protokol (Ctrl+P)</translation>
    </message>
    <message>
        <source>Filter units: call sign, agency, status, station (Ctrl+F)</source>
        <translation>Filter unit: kode unit, instansi, status, pos (Ctrl+F)</translation>
    </message>
    <message>
        <source>Alarms</source>
        <translation>Alarm</translation>
    </message>
    <message>
        <source>Callers</source>
        <translation>Pelapor</translation>
    </message>
    <message>
        <source>Incidents and callbacks (Ctrl+2, Ctrl+4)</source>
        <translation>Kejadian dan panggilan balik (Ctrl+2, Ctrl+4)</translation>
    </message>
    <message>
        <source>Incident (F5)</source>
        <translation>Kejadian (F5)</translation>
    </message>
    <message>
        <source>Units (Ctrl+3)</source>
        <translation>Unit (Ctrl+3)</translation>
    </message>
    <message>
        <source>Overdue (Ctrl+Shift+A acknowledges)</source>
        <translation>Lewat batas waktu (Ctrl+Shift+A konfirmasi)</translation>
    </message>
    <message>
        <source>Figures (Ctrl+7)</source>
        <translation>Angka kinerja (Ctrl+7)</translation>
    </message>
    <message>
        <source>Trainer (Ctrl+9)</source>
        <translation>Pelatih (Ctrl+9)</translation>
    </message>
    <message>
        <source>Debrief (Ctrl+0)</source>
        <translation>Evaluasi (Ctrl+0)</translation>
    </message>
    <message>
        <source>Situation map (Ctrl+M)</source>
        <translation>Peta situasi (Ctrl+M)</translation>
    </message>
    <message>
        <source>Forwarding to agencies (Ctrl+T)</source>
        <translation>Penerusan ke instansi (Ctrl+T)</translation>
    </message>
    <message>
        <source>Cameras near the incident (Ctrl+J)</source>
        <translation>Kamera di dekat kejadian (Ctrl+J)</translation>
    </message>
    <message>
        <source>Connection to the database is back (lost at %1).</source>
        <translation>Sambungan ke basis data tersambung kembali (terputus pukul %1).</translation>
    </message>
    <message>
        <source>Saved what was typed meanwhile: %1.</source>
        <translation>Yang diketik selama terputus sudah disimpan: %1.</translation>
    </message>
    <message>
        <source>Change user</source>
        <translation>Ganti pengguna</translation>
    </message>
    <message>
        <source>Log out</source>
        <translation>Keluar akun</translation>
    </message>
    <message>
        <source>Calls ringing: %1.</source>
        <translation>Panggilan berdering: %1.</translation>
    </message>
    <message>
        <source>A training scenario is running: it will be ended and scored.</source>
        <translation>Skenario pelatihan sedang berjalan: skenario akan diakhiri dan dinilai.</translation>
    </message>
    <message>
        <source>Incident %1 is open in the form.</source>
        <translation>Kejadian %1 masih terbuka di formulir.</translation>
    </message>
    <message>
        <source>Typed while the database was away and not saved yet: %1. Quitting now loses it.</source>
        <translation>Diketik saat basis data tidak terjangkau dan belum tersimpan: %1. Keluar sekarang akan menghilangkannya.</translation>
    </message>
    <message>
        <source>%1

Quit the console anyway?</source>
        <translation>%1

Tetap keluar dari konsol?</translation>
    </message>
    <message>
        <source>Call Center 112 · %1</source>
        <translation>Call Center 112 · %1</translation>
    </message>
    <message>
        <source>[TRAINING] %1</source>
        <translation>[PELATIHAN] %1</translation>
    </message>
    <message>
        <source>User: %1 (%2)</source>
        <translation>Pengguna: %1 (%2)</translation>
    </message>
    <message>
        <source>Console: %1</source>
        <translation>Konsol: %1</translation>
    </message>
    <message>
        <source>Database: %1</source>
        <translation>Basis data: %1</translation>
    </message>
    <message>
        <source>Command line</source>
        <translation>Baris perintah</translation>
    </message>
    <message>
        <source>Shift (Ctrl+5)</source>
        <translation>Shift (Ctrl+5)</translation>
    </message>
    <message>
        <source>Shift log (Ctrl+6, Ctrl+8)</source>
        <translation>Log shift (Ctrl+6, Ctrl+8)</translation>
    </message>
    <message>
        <source>%1

Leave anyway?</source>
        <translation>%1

Tetap tinggalkan?</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Keluar</translation>
    </message>
    <message>
        <source>Feeds: %1</source>
        <translation>Sumber: %1</translation>
    </message>
    <message>
        <source>Feed: none configured</source>
        <translation>Sumber: belum diatur</translation>
    </message>
    <message>
        <source>running</source>
        <translation>berjalan</translation>
    </message>
    <message>
        <source>paused</source>
        <translation>dijeda</translation>
    </message>
    <message>
        <source>Feed: simulator (%1)</source>
        <translation>Sumber: simulator (%1)</translation>
    </message>
    <message>
        <source>unexpected error</source>
        <translation>kesalahan tak terduga</translation>
    </message>
    <message>
        <source>No one logged in</source>
        <translation>Belum ada yang masuk</translation>
    </message>
    <message>
        <source>ended</source>
        <translation>selesai</translation>
    </message>
    <message>
        <source>not started</source>
        <translation>belum dimulai</translation>
    </message>
    <message>
        <source>Feed: scenario %1 (%2)</source>
        <translation>Sumber: skenario %1 (%2)</translation>
    </message>
    <message>
        <source>Gateway %1 on %2 (process %3), last heartbeat %4</source>
        <translation>Gateway %1 di %2 (proses %3), tanda hidup terakhir %4</translation>
    </message>
    <message>
        <source>The gateway's state could not be read: %1</source>
        <translation>Keadaan gateway tidak terbaca: %1</translation>
    </message>
    <message>
        <source>none</source>
        <translation>tidak ada</translation>
    </message>
    <message>
        <source>Gateway feeds: %1</source>
        <translation>Sumber di gateway: %1</translation>
    </message>
    <message>
        <source>No gateway is running: calls from the telephone are not being recorded.</source>
        <extracomment>Red and bold, always with words that say the same (never colour alone). Under this, a gateway's silence is said in seconds ("for 14 s"); from it on, since when.</extracomment>
        <translation>Tidak ada gateway yang berjalan: panggilan dari telepon tidak tercatat.</translation>
    </message>
    <message>
        <source>The gateway %2 stopped at %1: calls from the telephone are not being recorded.</source>
        <translation>Gateway %2 berhenti pukul %1: panggilan dari telepon tidak tercatat.</translation>
    </message>
    <message>
        <source>The gateway stopped at %1: calls from the telephone are not being recorded.</source>
        <translation>Gateway berhenti pukul %1: panggilan dari telepon tidak tercatat.</translation>
    </message>
    <message>
        <source>No heartbeat from the gateway %2 for %1 s: calls from the telephone are not being recorded.</source>
        <translation>Tidak ada tanda hidup dari gateway %2 selama %1 detik: panggilan dari telepon tidak tercatat.</translation>
    </message>
    <message>
        <source>No heartbeat from the gateway for %1 s: calls from the telephone are not being recorded.</source>
        <translation>Tidak ada tanda hidup dari gateway selama %1 detik: panggilan dari telepon tidak tercatat.</translation>
    </message>
    <message>
        <source>No heartbeat from the gateway %2 since %1: calls from the telephone are not being recorded.</source>
        <translation>Tidak ada tanda hidup dari gateway %2 sejak %1: panggilan dari telepon tidak tercatat.</translation>
    </message>
    <message>
        <source>No heartbeat from the gateway since %1: calls from the telephone are not being recorded.</source>
        <translation>Tidak ada tanda hidup dari gateway sejak %1: panggilan dari telepon tidak tercatat.</translation>
    </message>
    <message>
        <source>, STORING DELAYED (%1 waiting)</source>
        <translation>, PENYIMPANAN TERTUNDA (%1 menunggu)</translation>
    </message>
    <message>
        <source>⚠ FEED DOWN: %1 since %2. Calls from it are not reaching this console.</source>
        <translation>⚠ SUMBER MATI: %1 sejak %2. Panggilan dari sumber ini tidak sampai ke konsol.</translation>
    </message>
    <message>
        <source>⚠ CALLS NOT STORED YET: %1 since %2. The database does not accept them; they are kept on this computer and stored when it does.</source>
        <translation>⚠ PANGGILAN BELUM TERSIMPAN: %1 sejak %2. Basis data belum menerimanya; panggilan disimpan sementara di komputer ini dan dimasukkan begitu basis data menerima.</translation>
    </message>
    <message>
        <source>⚠ FEED RESTARTED: %1 stopped at %2 and was started again (%3).</source>
        <translation>⚠ SUMBER DIJALANKAN ULANG: %1 berhenti pukul %2 dan dijalankan lagi (%3).</translation>
    </message>
    <message>
        <source>⚠ FEED SENDS GARBAGE: %1 since %2. Most of it is counted, not stored (%3).</source>
        <translation>⚠ SUMBER MENGIRIM DATA RUSAK: %1 sejak %2. Sebagian besar hanya dihitung, tidak disimpan (%3).</translation>
    </message>
    <message>
        <source>⚠ CALLS LOST: %1 since %2. The spool of frames waiting for the database is full.</source>
        <translation>⚠ PANGGILAN HILANG: %1 sejak %2. Antrean data yang menunggu basis data sudah penuh.</translation>
    </message>
    <message>
        <source>Gateway %1 silent: calls from the telephone are not being recorded</source>
        <extracomment>A live centre's console: the gateway checks the timers, this console shows the alerts. Gateways whose silence someone acknowledged (not shown again until it ends).</extracomment>
        <translation>Gateway %1 tidak memberi tanda hidup: panggilan dari telepon tidak tercatat</translation>
    </message>
    <message>
        <source>No gateway is running: calls from the telephone are not being recorded</source>
        <translation>Tidak ada gateway yang berjalan: panggilan dari telepon tidak tercatat</translation>
    </message>
    <message>
        <source>Ctrl+Shift+A acknowledges; tell the supervisor and the telco or PBX.</source>
        <translation>Ctrl+Shift+A untuk konfirmasi; beri tahu koordinator dan operator telekomunikasi atau PBX.</translation>
    </message>
    <message>
        <source>No alarm to acknowledge.</source>
        <translation>Tidak ada alarm untuk dikonfirmasi.</translation>
    </message>
    <message>
        <source>Acknowledged: %1</source>
        <translation>Dikonfirmasi: %1</translation>
    </message>
    <message>
        <source>Alerts not read: the database does not answer.</source>
        <translation>Peringatan tidak terbaca: basis data tidak menjawab.</translation>
    </message>
    <message>
        <source>Timers not checked: the database is busy.</source>
        <translation>Batas waktu tidak diperiksa: basis data sedang sibuk.</translation>
    </message>
    <message>
        <source>Timers could not be checked: %1</source>
        <translation>Batas waktu tidak dapat diperiksa: %1</translation>
    </message>
    <message>
        <source>No call is ringing.</source>
        <extracomment>In training, what the scenario's caller says on answer (``TrainingWork.opening``: said once, "" when no scenario runs); the random simulator's caller speaks otherwise.</extracomment>
        <translation>Tidak ada panggilan berdering.</translation>
    </message>
    <message>
        <source>Answered %1; incident %2 opened.</source>
        <translation>%1 dijawab; kejadian %2 dibuka.</translation>
    </message>
    <message>
        <source>No call is in progress on this console.</source>
        <translation>Tidak ada panggilan berlangsung di konsol ini.</translation>
    </message>
    <message>
        <source>Answer a call first (F2).</source>
        <translation>Jawab panggilan terlebih dahulu (F2).</translation>
    </message>
    <message>
        <source>Close the call as:</source>
        <translation>Tutup panggilan sebagai:</translation>
    </message>
    <message>
        <source>Call from %1 closed: %2.</source>
        <translation>Panggilan dari %1 ditutup: %2.</translation>
    </message>
    <message>
        <source>No protocol card for this category.</source>
        <translation>Tidak ada kartu protokol untuk kategori ini.</translation>
    </message>
    <message>
        <source>No duplicate is suggested for this call.</source>
        <translation>Tidak ada usulan duplikat untuk panggilan ini.</translation>
    </message>
    <message>
        <source>Call from %1 attached to %2; its own incident was cancelled as a duplicate.</source>
        <translation>Panggilan dari %1 digabungkan ke %2; kejadiannya sendiri dibatalkan sebagai duplikat.</translation>
    </message>
    <message>
        <source>No open incident to close.</source>
        <translation>Tidak ada kejadian terbuka untuk ditutup.</translation>
    </message>
    <message>
        <source>Close incident %1 as:</source>
        <translation>Tutup kejadian %1:</translation>
    </message>
    <message>
        <source>Open a closed incident first (Enter on its call).</source>
        <translation>Buka dulu kejadian yang sudah ditutup (Enter pada panggilannya).</translation>
    </message>
    <message>
        <source>Incident %1 reopened.</source>
        <translation>Kejadian %1 dibuka ulang.</translation>
    </message>
    <message>
        <source>Incident %1 closed: %2.</source>
        <translation>Kejadian %1 ditutup: %2.</translation>
    </message>
    <message>
        <source>No unit is recommended.</source>
        <translation>Tidak ada unit direkomendasikan.</translation>
    </message>
    <message>
        <source>Dispatched: %1</source>
        <translation>Dikirim: %1</translation>
    </message>
    <message>
        <source>Status of %1:</source>
        <translation>Status %1:</translation>
    </message>
    <message>
        <source>%1 is now %2.</source>
        <translation>%1 sekarang %2.</translation>
    </message>
    <message>
        <source>Only a supervisor can override a unit's status.</source>
        <translation>Hanya koordinator yang dapat mengubah paksa status unit.</translation>
    </message>
    <message>
        <source>Override %1 (now %2) to:</source>
        <translation>Ubah paksa %1 (kini %2) menjadi:</translation>
    </message>
    <message>
        <source>%1 is now %2 (override recorded).</source>
        <translation>%1 sekarang %2 (ubah paksa dicatat).</translation>
    </message>
    <message>
        <source>Set %1 to %2 outside the normal order?</source>
        <translation>Ubah %1 menjadi %2 di luar urutan normal?</translation>
    </message>
    <message>
        <source>up</source>
        <translation>aktif</translation>
    </message>
    <message>
        <source>up, last %1</source>
        <translation>aktif, terakhir %1</translation>
    </message>
    <message>
        <source>DOWN %1</source>
        <translation>MATI %1</translation>
    </message>
    <message>
        <source>connecting</source>
        <translation>menghubungkan</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>berhenti</translation>
    </message>
    <message>
        <source>Your role (%1) cannot do this: %2.</source>
        <translation>Peran Anda (%1) tidak dapat melakukan ini: %2.</translation>
    </message>
    <message>
        <source>%1 still out on %2: close anyway? They are released and become available.</source>
        <translation>%1 masih bertugas di %2: tetap tutup? Unit tersebut dilepas dan menjadi tersedia.</translation>
    </message>
    <message>
        <source>Close and release them</source>
        <translation>Tutup dan lepas unitnya</translation>
    </message>
    <message>
        <source>Select a unit on the unit board first (Ctrl+3).</source>
        <translation>Pilih dulu unit di papan unit (Ctrl+3).</translation>
    </message>
    <message>
        <source>Select an assigned unit first (F6, then Tab), or a unit on the board (Ctrl+3).</source>
        <translation>Pilih dulu unit bertugas (F6, lalu Tab), atau unit di papan unit (Ctrl+3).</translation>
    </message>
    <message>
        <source>%1 has finished on this incident; choose it on the unit board (Ctrl+3).</source>
        <translation>%1 sudah selesai di kejadian ini; pilih unit itu di papan unit (Ctrl+3).</translation>
    </message>
    <message>
        <source>%1 is %2: choose its status with Shift+F7.</source>
        <translation>%1 berstatus %2: pilih statusnya dengan Shift+F7.</translation>
    </message>
    <message>
        <source>%1 is %2: no status follows from there.</source>
        <translation>%1 berstatus %2: tidak ada status lanjutan dari situ.</translation>
    </message>
    <message>
        <source>This console is one of a centre's: the centre's gateway runs the feeds, this console runs none. Not run here: %1.

Run them in the gateway: dispatch-console gateway --db URL --feed URL (docs/gateway.md).</source>
        <translation>Konsol ini salah satu konsol pusat: gateway sumber panggilan pusat yang menjalankan sumber, konsol ini tidak menjalankan satu pun. Tidak dijalankan di sini: %1.

Jalankan di gateway: dispatch-console gateway --db URL --feed URL (docs/gateway.md).</translation>
    </message>
    <message>
        <source>Feeds run by the gateway</source>
        <translation>Sumber dijalankan oleh gateway</translation>
    </message>
</context>
<context>
    <name>MapWork</name>
    <message>
        <source>Map tiles not shown: %1 cannot be used (%2).</source>
        <translation>Ubin peta tidak ditampilkan: %1 tidak dapat dipakai (%2).</translation>
    </message>
    <message>
        <source>The villages could not be read: %1</source>
        <translation>Data kelurahan tidak dapat dibaca: %1</translation>
    </message>
    <message>
        <source>No village names: the centre's area is not set (Console, Settings).</source>
        <translation>Tanpa nama kelurahan: wilayah Call Center ini belum diatur (Konsol, Pengaturan).</translation>
    </message>
    <message>
        <source>no category yet</source>
        <translation>belum ada kategori</translation>
    </message>
    <message>
        <source>no address yet</source>
        <translation>belum ada alamat</translation>
    </message>
    <message>
        <source>%1 %2, %3: %4 (Enter opens it)</source>
        <translation>%1 %2, %3: %4 (Enter membukanya)</translation>
    </message>
</context>
<context>
    <name>MonthlyReport</name>
    <message>
        <source>Monthly report of the 112 call centre</source>
        <translation>Laporan bulanan Call Center 112</translation>
    </message>
    <message>
        <source>January</source>
        <translation>Januari</translation>
    </message>
    <message>
        <source>February</source>
        <translation>Februari</translation>
    </message>
    <message>
        <source>March</source>
        <translation>Maret</translation>
    </message>
    <message>
        <source>April</source>
        <translation>April</translation>
    </message>
    <message>
        <source>May</source>
        <translation>Mei</translation>
    </message>
    <message>
        <source>June</source>
        <translation>Juni</translation>
    </message>
    <message>
        <source>July</source>
        <translation>Juli</translation>
    </message>
    <message>
        <source>August</source>
        <translation>Agustus</translation>
    </message>
    <message>
        <source>September</source>
        <translation>September</translation>
    </message>
    <message>
        <source>October</source>
        <translation>Oktober</translation>
    </message>
    <message>
        <source>November</source>
        <translation>November</translation>
    </message>
    <message>
        <source>December</source>
        <translation>Desember</translation>
    </message>
    <message>
        <source>Figures of the month</source>
        <translation>Angka kinerja bulan ini</translation>
    </message>
    <message>
        <source>no data</source>
        <translation>tidak ada data</translation>
    </message>
    <message>
        <source>All calls</source>
        <translation>Semua panggilan</translation>
    </message>
    <message>
        <source>Prank and silent calls (share of all calls)</source>
        <translation>Panggilan iseng dan tanpa suara (persentase dari semua panggilan)</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Incidents</source>
        <translation>Kejadian</translation>
    </message>
    <message>
        <source>Withdrawn (opened at answer, not an emergency)</source>
        <translation>Dibatalkan (dibuka saat dijawab, bukan darurat)</translation>
    </message>
    <message>
        <source>Calls and incidents</source>
        <translation>Panggilan dan kejadian</translation>
    </message>
    <message>
        <source>Previous month</source>
        <translation>Bulan sebelumnya</translation>
    </message>
    <message>
        <source>A year before</source>
        <translation>Setahun sebelumnya</translation>
    </message>
    <message>
        <source>Incidents by category</source>
        <translation>Kejadian menurut kategori</translation>
    </message>
    <message>
        <source>No incidents in the month.</source>
        <translation>Tidak ada kejadian pada bulan ini.</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Kategori</translation>
    </message>
    <message>
        <source>Share</source>
        <translation>Persentase</translation>
    </message>
    <message>
        <source>Incidents by kecamatan</source>
        <translation>Kejadian menurut kecamatan</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Kode</translation>
    </message>
    <message>
        <source>Kecamatan</source>
        <translation>Kecamatan</translation>
    </message>
    <message>
        <source>Kabupaten / kota</source>
        <translation>Kabupaten / kota</translation>
    </message>
    <message>
        <source>No area given</source>
        <translation>Wilayah tidak diisi</translation>
    </message>
    <message>
        <source>Day by day (service level: answered within %1)</source>
        <translation>Harian (tingkat layanan: dijawab dalam %1)</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>Tanggal</translation>
    </message>
    <message>
        <source>Calls</source>
        <translation>Panggilan</translation>
    </message>
    <message>
        <source>Emergency</source>
        <translation>Darurat</translation>
    </message>
    <message>
        <source>Prank, silent</source>
        <translation>Iseng, tanpa suara</translation>
    </message>
    <message>
        <source>Abandoned</source>
        <translation>Terputus</translation>
    </message>
    <message>
        <source>Service level</source>
        <translation>Tingkat layanan</translation>
    </message>
</context>
<context>
    <name>OpenDataReport</name>
    <message>
        <source>Open data: 112 calls and incidents per month</source>
        <extracomment>The cells of a row in the order of the CSV's columns.</extracomment>
        <translation>Data terbuka: panggilan 112 dan kejadian per bulan</translation>
    </message>
    <message>
        <source>%1 to %2</source>
        <translation>%1 sampai %2</translation>
    </message>
    <message>
        <source>About the data</source>
        <translation>Tentang data</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Judul</translation>
    </message>
    <message>
        <source>Publisher</source>
        <translation>Penerbit</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>Kontak</translation>
    </message>
    <message>
        <source>Licence</source>
        <translation>Lisensi</translation>
    </message>
    <message>
        <source>Rows</source>
        <translation>Baris</translation>
    </message>
    <message>
        <source>Suppressed counts</source>
        <translation>Jumlah yang disembunyikan</translation>
    </message>
    <message>
        <source>Small counts suppressed</source>
        <translation>Jumlah kecil disembunyikan</translation>
    </message>
    <message>
        <source>suppressed</source>
        <translation>disembunyikan</translation>
    </message>
    <message>
        <source>Calls by month and class</source>
        <translation>Panggilan menurut bulan dan jenis</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>Bulan</translation>
    </message>
    <message>
        <source>Class</source>
        <translation>Jenis</translation>
    </message>
    <message>
        <source>Calls</source>
        <translation>Panggilan</translation>
    </message>
    <message>
        <source>not given</source>
        <translation>tidak diisi</translation>
    </message>
    <message>
        <source>Incidents by month, category and kecamatan</source>
        <translation>Kejadian menurut bulan, kategori dan kecamatan</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Kategori</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Kode</translation>
    </message>
    <message>
        <source>Kecamatan</source>
        <translation>Kecamatan</translation>
    </message>
    <message>
        <source>Kabupaten / kota</source>
        <translation>Kabupaten / kota</translation>
    </message>
    <message>
        <source>Incidents</source>
        <translation>Kejadian</translation>
    </message>
</context>
<context>
    <name>OverrideReasonDialog</name>
    <message>
        <source>Override the unit's status</source>
        <translation>Ubah paksa status unit</translation>
    </message>
    <message>
        <source>&amp;Reason (recorded in the audit log):</source>
        <translation>&amp;Alasan (dicatat di log audit):</translation>
    </message>
    <message>
        <source>Write why the status is overridden.</source>
        <translation>Tulis alasan status diubah paksa.</translation>
    </message>
</context>
<context>
    <name>ProtocolCard</name>
    <message>
        <source>Protocol card (Ctrl+P)</source>
        <extracomment>The keys that ask a training caller the current question (as ``key_name`` names them).</extracomment>
        <translation>Kartu protokol (Ctrl+P)</translation>
    </message>
    <message>
        <source>Choose a category to see its questions.</source>
        <translation>Pilih kategori untuk melihat pertanyaannya.</translation>
    </message>
    <message>
        <source>No protocol card for this category.</source>
        <translation>Tidak ada kartu protokol untuk kategori ini.</translation>
    </message>
    <message>
        <source>No incident open.</source>
        <translation>Tidak ada kejadian terbuka.</translation>
    </message>
    <message>
        <source>%1: ↑/↓ choose a question; an answer's digit answers it.</source>
        <translation>%1: ↑/↓ memilih pertanyaan; angka jawaban menjawabnya.</translation>
    </message>
    <message>
        <source>Training: Enter asks the caller the question.</source>
        <translation>Pelatihan: Enter menanyakan pertanyaan ini kepada pelapor.</translation>
    </message>
    <message>
        <source>%1 is not an answer to this question: press %2 (↑/↓ choose another question).</source>
        <translation>%1 bukan jawaban untuk pertanyaan ini: tekan %2 (↑/↓ memilih pertanyaan lain).</translation>
    </message>
    <message>
        <source>The caller: %1</source>
        <translation>Pelapor: %1</translation>
    </message>
    <message>
        <source>answer: %1</source>
        <translation>jawaban: %1</translation>
    </message>
    <message>
        <source>not asked yet</source>
        <translation>belum ditanyakan</translation>
    </message>
</context>
<context>
    <name>Refusal</name>
    <message>
        <source>Feed not understood</source>
        <extracomment>``--scenario`` names no scenario, or a file that is not one (its message names the line).</extracomment>
        <translation>Sumber tidak dikenali</translation>
    </message>
    <message>
        <source>Database refused</source>
        <translation>Basis data ditolak</translation>
    </message>
    <message>
        <source>The console could not start</source>
        <translation>Konsol tidak dapat dijalankan</translation>
    </message>
    <message>
        <source>This file is not a database of this console.</source>
        <translation>Berkas ini bukan basis data konsol ini.</translation>
    </message>
    <message>
        <source>This database is damaged. Restore it from the last backup; ask your installer for help.</source>
        <translation>Basis data ini rusak. Pulihkan dari cadangan terakhir; minta bantuan teknisi pemasang.</translation>
    </message>
    <message>
        <source>This database belongs to another program (it has none of this console's version records).</source>
        <translation>Basis data ini milik program lain (tidak memuat catatan versi konsol ini).</translation>
    </message>
    <message>
        <source>This database was written by a newer version of the console. Install that version to use it.</source>
        <translation>Basis data ini dibuat oleh versi konsol yang lebih baru. Pasang versi tersebut untuk menggunakannya.</translation>
    </message>
    <message>
        <source>The database cannot be opened.</source>
        <translation>Basis data tidak dapat dibuka.</translation>
    </message>
    <message>
        <source>This is a live database and the console is starting in training mode. Training never touches live data: start without --simulator (with the centre's feeds), or use the training database.</source>
        <translation>Ini basis data operasional (live), sedangkan konsol dijalankan dalam mode pelatihan. Pelatihan tidak pernah menyentuh data operasional: jalankan tanpa --simulator (dengan sumber panggilan pusat), atau gunakan basis data pelatihan.</translation>
    </message>
    <message>
        <source>This is a training database and the console is starting live (feeds configured or --live). Calls of a live centre are never mixed with exercises: use the live database, or start with --simulator.</source>
        <translation>Ini basis data pelatihan, sedangkan konsol dijalankan secara operasional (sumber panggilan terpasang atau --live). Panggilan operasional tidak pernah dicampur dengan latihan: gunakan basis data operasional, atau jalankan dengan --simulator.</translation>
    </message>
    <message>
        <source>Upgrading this database failed. It is left at the version it had before the failing step and will be upgraded again at the next start; the copy taken before is named below.</source>
        <translation>Pembaruan basis data ini gagal. Basis data tetap pada versi sebelum langkah yang gagal dan akan diperbarui lagi saat konsol dijalankan berikutnya; salinan yang dibuat sebelumnya tercantum di bawah.</translation>
    </message>
    <message>
        <source>This database must first be upgraded for this version of the console, and the console's own database account may not do that. Ask your installer to run the command below with the database owner's account.</source>
        <translation>Basis data ini harus diperbarui dulu untuk versi konsol ini, dan akun basis data milik konsol tidak berwenang melakukannya. Minta teknisi pemasang menjalankan perintah di bawah dengan akun pemilik basis data.</translation>
    </message>
    <message>
        <source>The console did not change the file.</source>
        <translation>Konsol tidak mengubah berkas ini.</translation>
    </message>
    <message>
        <source>It does not begin as an SQLite database file does.</source>
        <translation>Awal berkas ini bukan awal berkas basis data SQLite.</translation>
    </message>
    <message>
        <source>It is a link to a file that does not exist.</source>
        <translation>Ini tautan ke berkas yang tidak ada.</translation>
    </message>
    <message>
        <source>It is a folder, not a file.</source>
        <translation>Ini folder, bukan berkas.</translation>
    </message>
    <message>
        <source>It is not an ordinary file.</source>
        <translation>Ini bukan berkas biasa.</translation>
    </message>
    <message>
        <source>Its first page is cut short.</source>
        <translation>Halaman pertamanya terpotong.</translation>
    </message>
    <message>
        <source>The file is shorter than its first page says: part of it is missing.</source>
        <translation>Berkas lebih pendek daripada yang tertulis di halaman pertamanya: sebagian isinya hilang.</translation>
    </message>
    <message>
        <source>Database version: %1.</source>
        <translation>Versi basis data: %1.</translation>
    </message>
    <message>
        <source>Tables found: %1.</source>
        <translation>Tabel yang ditemukan: %1.</translation>
    </message>
    <message>
        <source>The system's message, for the installer: %1</source>
        <translation>Pesan sistem, untuk teknisi pemasang: %1</translation>
    </message>
    <message>
        <source>Its first page gives an impossible page size (%1).</source>
        <translation>Halaman pertamanya menyebut ukuran halaman yang mustahil (%1).</translation>
    </message>
    <message>
        <source>Its application mark %1 is another program's.</source>
        <translation>Tanda aplikasinya, %1, milik program lain.</translation>
    </message>
    <message>
        <source>Version %1, but without this console's mark.</source>
        <translation>Versi %1, tetapi tanpa tanda konsol ini.</translation>
    </message>
    <message>
        <source>Version %1 carries a mark that version never had.</source>
        <translation>Versi %1 membawa tanda yang tidak pernah dimiliki versi itu.</translation>
    </message>
    <message>
        <source>Version %1, but its tables differ: %2.</source>
        <translation>Versi %1, tetapi tabelnya berbeda: %2.</translation>
    </message>
    <message>
        <source>Version %1; tables: %2.</source>
        <translation>Versi %1; tabel: %2.</translation>
    </message>
    <message>
        <source>Left at version %1. The system's message: %2
Copy taken before: %3</source>
        <translation>Tertinggal di versi %1. Pesan sistem: %2
Salinan yang dibuat sebelumnya: %3</translation>
    </message>
    <message>
        <source>Left at version %1. The system's message: %2</source>
        <translation>Tertinggal di versi %1. Pesan sistem: %2</translation>
    </message>
    <message>
        <source>Database version %1; this console needs %2. Command: %3</source>
        <translation>Versi basis data %1; konsol ini memerlukan %2. Perintah: %3</translation>
    </message>
    <message>
        <source>The console could not start. Tell your supervisor or installer what it says below.</source>
        <translation>Konsol tidak dapat dijalankan. Sampaikan pesan di bawah ini kepada koordinator atau teknisi.</translation>
    </message>
</context>
<context>
    <name>ReportCsv</name>
    <message>
        <source>Data format</source>
        <translation>Format data</translation>
    </message>
    <message>
        <source>State of the report</source>
        <translation>Status laporan</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Periode</translation>
    </message>
    <message>
        <source>Users</source>
        <translation>Pengguna</translation>
    </message>
    <message>
        <source>Staff on duty</source>
        <translation>Petugas yang berjaga</translation>
    </message>
    <message>
        <source>Calls</source>
        <translation>Panggilan</translation>
    </message>
    <message>
        <source>Incidents still open</source>
        <translation>Kejadian yang masih terbuka</translation>
    </message>
    <message>
        <source>Units out of service</source>
        <translation>Unit yang tidak beroperasi</translation>
    </message>
    <message>
        <source>Callbacks still open</source>
        <translation>Panggilan balik yang masih menunggu</translation>
    </message>
    <message>
        <source>Numbers flagged</source>
        <translation>Nomor yang ditandai</translation>
    </message>
    <message>
        <source>Feed outages</source>
        <translation>Gangguan sumber panggilan</translation>
    </message>
    <message>
        <source>Alerts not acknowledged</source>
        <translation>Peringatan yang belum dikonfirmasi</translation>
    </message>
    <message>
        <source>Planned events</source>
        <translation>Kegiatan terencana</translation>
    </message>
    <message>
        <source>Pass-down instructions</source>
        <translation>Pesan untuk shift berikutnya</translation>
    </message>
    <message>
        <source>Figures</source>
        <translation>Angka kinerja</translation>
    </message>
    <message>
        <source>Signatures</source>
        <translation>Tanda tangan</translation>
    </message>
    <message>
        <source>Addenda</source>
        <translation>Adendum</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>Bulan</translation>
    </message>
    <message>
        <source>Previous month</source>
        <translation>Bulan sebelumnya</translation>
    </message>
    <message>
        <source>Same month a year before</source>
        <translation>Bulan yang sama setahun sebelumnya</translation>
    </message>
    <message>
        <source>By category</source>
        <translation>Menurut kategori</translation>
    </message>
    <message>
        <source>By kecamatan</source>
        <translation>Menurut kecamatan</translation>
    </message>
    <message>
        <source>Day by day</source>
        <translation>Harian</translation>
    </message>
    <message>
        <source>Calls offered</source>
        <translation>Panggilan masuk</translation>
    </message>
    <message>
        <source>Answered</source>
        <translation>Dijawab</translation>
    </message>
    <message>
        <source>Abandoned</source>
        <translation>Terputus</translation>
    </message>
    <message>
        <source>Still ringing (in no figure)</source>
        <translation>Masih berdering (tidak masuk angka mana pun)</translation>
    </message>
    <message>
        <source>Abandonment rate (0 to 1)</source>
        <translation>Tingkat terputus (0 sampai 1)</translation>
    </message>
    <message>
        <source>Answer time</source>
        <translation>Waktu jawab</translation>
    </message>
    <message>
        <source>Call processing</source>
        <translation>Waktu proses panggilan</translation>
    </message>
    <message>
        <source>Turnout</source>
        <translation>Waktu berangkat</translation>
    </message>
    <message>
        <source>Travel</source>
        <translation>Waktu tempuh</translation>
    </message>
    <message>
        <source>Time on scene</source>
        <translation>Waktu di lokasi</translation>
    </message>
    <message>
        <source>Longest ring</source>
        <translation>Dering terlama</translation>
    </message>
    <message>
        <source>Service level per interval</source>
        <translation>Tingkat layanan per selang waktu</translation>
    </message>
    <message>
        <source>Calls by class</source>
        <translation>Panggilan menurut jenis</translation>
    </message>
    <message>
        <source>Per call-taker</source>
        <translation>Per operator</translation>
    </message>
    <message>
        <source>Per agency</source>
        <translation>Per instansi</translation>
    </message>
    <message>
        <source>Service level limit (seconds)</source>
        <translation>Batas tingkat layanan (detik)</translation>
    </message>
    <message>
        <source>Interval (minutes)</source>
        <translation>Selang waktu (menit)</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>Jumlah</translation>
    </message>
    <message>
        <source>Mean (seconds)</source>
        <translation>Rata-rata (detik)</translation>
    </message>
    <message>
        <source>Shortest (seconds)</source>
        <translation>Tercepat (detik)</translation>
    </message>
    <message>
        <source>Longest (seconds)</source>
        <translation>Terlama (detik)</translation>
    </message>
    <message>
        <source>p50 (seconds)</source>
        <translation>p50 (detik)</translation>
    </message>
    <message>
        <source>p90 (seconds)</source>
        <translation>p90 (detik)</translation>
    </message>
    <message>
        <source>p95 (seconds)</source>
        <translation>p95 (detik)</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Target</translation>
    </message>
    <message>
        <source>Limit (seconds)</source>
        <translation>Batas (detik)</translation>
    </message>
    <message>
        <source>Target share (0 to 1)</source>
        <translation>Target persentase (0 sampai 1)</translation>
    </message>
    <message>
        <source>Within the limit</source>
        <translation>Dalam batas</translation>
    </message>
    <message>
        <source>Share within (0 to 1)</source>
        <translation>Persentase dalam batas (0 sampai 1)</translation>
    </message>
    <message>
        <source>Target met</source>
        <translation>Target tercapai</translation>
    </message>
    <message>
        <source>Answered within the limit</source>
        <translation>Dijawab dalam batas</translation>
    </message>
    <message>
        <source>Service level (0 to 1)</source>
        <translation>Tingkat layanan (0 sampai 1)</translation>
    </message>
    <message>
        <source>Seconds</source>
        <translation>Detik</translation>
    </message>
    <message>
        <source>Assignments</source>
        <translation>Penugasan</translation>
    </message>
    <message>
        <source>Forwarding to agencies</source>
        <translation>Penerusan ke instansi</translation>
    </message>
    <message>
        <source>Agency record</source>
        <translation>Nomor rekaman instansi</translation>
    </message>
    <message>
        <source>Forwardings</source>
        <translation>Penerusan</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Dibatalkan</translation>
    </message>
    <message>
        <source>Answer to forwarding</source>
        <translation>Dijawab sampai penerusan</translation>
    </message>
    <message>
        <source>Forwarding to acknowledgement</source>
        <translation>Penerusan sampai dikonfirmasi</translation>
    </message>
    <message>
        <source>Forwarding to arrival reported</source>
        <translation>Penerusan sampai tiba dilaporkan</translation>
    </message>
    <message>
        <source>Never acknowledged</source>
        <translation>Tidak pernah dikonfirmasi</translation>
    </message>
    <message>
        <source>Never reported arrived</source>
        <translation>Tidak pernah dilaporkan tiba</translation>
    </message>
    <message>
        <source>Forwardings to agencies still open</source>
        <translation>Penerusan ke instansi yang masih terbuka</translation>
    </message>
    <message>
        <source>Forwarding record</source>
        <translation>Nomor rekaman penerusan</translation>
    </message>
    <message>
        <source>State of the forwarding</source>
        <translation>Status penerusan</translation>
    </message>
    <message>
        <source>Forwarded</source>
        <translation>Diteruskan</translation>
    </message>
    <message>
        <source>Acknowledgement limit (seconds)</source>
        <translation>Batas waktu konfirmasi (detik)</translation>
    </message>
    <message>
        <source>Acknowledgement due</source>
        <translation>Batas waktu konfirmasi jatuh pada</translation>
    </message>
    <message>
        <source>Over the limit (seconds)</source>
        <translation>Lewat batas waktu (detik)</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Dari</translation>
    </message>
    <message>
        <source>Until</source>
        <translation>Sampai</translation>
    </message>
    <message>
        <source>Time zone</source>
        <translation>Zona waktu</translation>
    </message>
    <message>
        <source>Shift</source>
        <translation>Shift</translation>
    </message>
    <message>
        <source>Shift number</source>
        <translation>Nomor shift</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Kode</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>Tanggal</translation>
    </message>
    <message>
        <source>Planned start</source>
        <translation>Rencana mulai</translation>
    </message>
    <message>
        <source>Planned end</source>
        <translation>Rencana selesai</translation>
    </message>
    <message>
        <source>Opened</source>
        <translation>Dibuka</translation>
    </message>
    <message>
        <source>Opened by</source>
        <translation>Dibuka oleh</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Ditutup</translation>
    </message>
    <message>
        <source>Closed by</source>
        <translation>Ditutup oleh</translation>
    </message>
    <message>
        <source>Period end</source>
        <translation>Akhir periode</translation>
    </message>
    <message>
        <source>State as at</source>
        <translation>Keadaan per</translation>
    </message>
    <message>
        <source>Length (seconds)</source>
        <translation>Lama (detik)</translation>
    </message>
    <message>
        <source>User number</source>
        <translation>Nomor pengguna</translation>
    </message>
    <message>
        <source>Username</source>
        <translation>Nama pengguna</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>Nama lengkap</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Peran</translation>
    </message>
    <message>
        <source>Console</source>
        <translation>Konsol</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>Posisi</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>Mulai</translation>
    </message>
    <message>
        <source>Ended</source>
        <translation>Selesai</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Jumlah</translation>
    </message>
    <message>
        <source>Not classified</source>
        <translation>Belum ditentukan jenisnya</translation>
    </message>
    <message>
        <source>Call class</source>
        <translation>Jenis panggilan</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Kategori</translation>
    </message>
    <message>
        <source>Incidents</source>
        <translation>Kejadian</translation>
    </message>
    <message>
        <source>Withdrawn incidents</source>
        <translation>Kejadian yang dibatalkan</translation>
    </message>
    <message>
        <source>Prank and silent calls</source>
        <translation>Panggilan iseng dan tanpa suara</translation>
    </message>
    <message>
        <source>Prank and silent share (0 to 1)</source>
        <translation>Persentase iseng dan tanpa suara (0 sampai 1)</translation>
    </message>
    <message>
        <source>Incident record</source>
        <translation>Nomor rekaman kejadian</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Nomor</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>Prioritas</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Age (seconds)</source>
        <translation>Lama (detik)</translation>
    </message>
    <message>
        <source>Units</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>Status since</source>
        <translation>Status sejak</translation>
    </message>
    <message>
        <source>Dispatched</source>
        <translation>Dikirim</translation>
    </message>
    <message>
        <source>Last note</source>
        <translation>Catatan terakhir</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Waktu</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Jenis</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Teks</translation>
    </message>
    <message>
        <source>Written by</source>
        <translation>Ditulis oleh</translation>
    </message>
    <message>
        <source>Call sign</source>
        <translation>Kode unit</translation>
    </message>
    <message>
        <source>Agency</source>
        <translation>Instansi</translation>
    </message>
    <message>
        <source>Previous status</source>
        <translation>Status sebelumnya</translation>
    </message>
    <message>
        <source>By</source>
        <translation>Oleh</translation>
    </message>
    <message>
        <source>Override reason</source>
        <translation>Alasan ubah paksa</translation>
    </message>
    <message>
        <source>Callback record</source>
        <translation>Nomor rekaman panggilan balik</translation>
    </message>
    <message>
        <source>Call record</source>
        <translation>Nomor rekaman panggilan</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Alasan</translation>
    </message>
    <message>
        <source>Number shown</source>
        <translation>Nomor ditampilkan</translation>
    </message>
    <message>
        <source>Rang</source>
        <translation>Berdering</translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation>Percobaan</translation>
    </message>
    <message>
        <source>Last attempt</source>
        <translation>Percobaan terakhir</translation>
    </message>
    <message>
        <source>Last attempt's outcome</source>
        <translation>Hasil percobaan terakhir</translation>
    </message>
    <message>
        <source>Incident number</source>
        <translation>Nomor kejadian</translation>
    </message>
    <message>
        <source>Flag record</source>
        <translation>Nomor rekaman tanda</translation>
    </message>
    <message>
        <source>Outage record</source>
        <translation>Nomor rekaman gangguan</translation>
    </message>
    <message>
        <source>Feed</source>
        <translation>Sumber panggilan</translation>
    </message>
    <message>
        <source>In the period (seconds)</source>
        <translation>Dalam periode (detik)</translation>
    </message>
    <message>
        <source>Alert record</source>
        <translation>Nomor rekaman peringatan</translation>
    </message>
    <message>
        <source>About</source>
        <translation>Tentang</translation>
    </message>
    <message>
        <source>About (record)</source>
        <translation>Tentang (nomor rekaman)</translation>
    </message>
    <message>
        <source>Shown as</source>
        <translation>Ditampilkan sebagai</translation>
    </message>
    <message>
        <source>Raised</source>
        <translation>Muncul</translation>
    </message>
    <message>
        <source>Over by then</source>
        <translation>Sudah selesai saat itu</translation>
    </message>
    <message>
        <source>Report record</source>
        <translation>Nomor rekaman laporan</translation>
    </message>
    <message>
        <source>Content fingerprint (SHA-256)</source>
        <translation>Sidik isi laporan (SHA-256)</translation>
    </message>
    <message>
        <source>Signed</source>
        <translation>Ditandatangani</translation>
    </message>
    <message>
        <source>Signed by</source>
        <translation>Ditandatangani oleh</translation>
    </message>
    <message>
        <source>Acknowledged</source>
        <translation>Diterima</translation>
    </message>
    <message>
        <source>Acknowledged by</source>
        <translation>Diterima oleh</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Nomor rekaman</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nama</translation>
    </message>
    <message>
        <source>Kabupaten / kota</source>
        <translation>Kabupaten / kota</translation>
    </message>
</context>
<context>
    <name>ReportNumbers</name>
    <message>
        <source>%1 s</source>
        <extracomment>Between a number and its unit: a line never breaks there ("15" at the end of one line, "s" on the next). English separators to Indonesian ones: the group point and the decimal comma trade places.</extracomment>
        <translation>%1 dtk</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 mnt</translation>
    </message>
    <message>
        <source>%1 h</source>
        <translation>%1 jam</translation>
    </message>
</context>
<context>
    <name>ReportWords</name>
    <message>
        <source>Not classified</source>
        <translation>Belum ditentukan jenisnya</translation>
    </message>
    <message>
        <source>No category</source>
        <translation>Tanpa kategori</translation>
    </message>
    <message>
        <source>Call-taking</source>
        <translation>Penerimaan panggilan</translation>
    </message>
    <message>
        <source>Dispatch</source>
        <translation>Pengiriman unit</translation>
    </message>
    <message>
        <source>Supervision</source>
        <translation>Koordinator</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>Tinjauan</translation>
    </message>
    <message>
        <source>Call ringing too long</source>
        <translation>Panggilan berdering terlalu lama</translation>
    </message>
    <message>
        <source>No unit dispatched in time</source>
        <translation>Unit tidak dikirim tepat waktu</translation>
    </message>
    <message>
        <source>Dispatch not acknowledged in time</source>
        <translation>Pengiriman tidak dikonfirmasi tepat waktu</translation>
    </message>
    <message>
        <source>En route too long</source>
        <translation>Terlalu lama dalam perjalanan</translation>
    </message>
    <message>
        <source>On scene without an update</source>
        <translation>Di lokasi tanpa kabar</translation>
    </message>
    <message>
        <source>Database damaged</source>
        <translation>Basis data rusak</translation>
    </message>
</context>
<context>
    <name>Reports</name>
    <message>
        <source>Report not read: the database is busy.</source>
        <translation>Laporan tidak terbaca: basis data sedang sibuk.</translation>
    </message>
    <message>
        <source>No report to print yet.</source>
        <translation>Belum ada laporan untuk dicetak.</translation>
    </message>
    <message>
        <source>No report to save yet.</source>
        <translation>Belum ada laporan untuk disimpan.</translation>
    </message>
    <message>
        <source>Save %1 as:</source>
        <translation>Simpan %1 sebagai:</translation>
    </message>
    <message>
        <source>Save the report</source>
        <translation>Simpan laporan</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>Tidak tersimpan: %1</translation>
    </message>
    <message>
        <source>Saved: %1</source>
        <translation>Tersimpan: %1</translation>
    </message>
</context>
<context>
    <name>RosterDialog</name>
    <message>
        <source>Required.</source>
        <translation>Wajib diisi.</translation>
    </message>
    <message>
        <source>Too long.</source>
        <translation>Terlalu panjang.</translation>
    </message>
    <message>
        <source>Contains control characters.</source>
        <translation>Berisi karakter kontrol.</translation>
    </message>
    <message>
        <source>Unknown agency type.</source>
        <translation>Jenis instansi tidak dikenal.</translation>
    </message>
    <message>
        <source>Not a decimal number (e.g. -6.9893).</source>
        <translation>Bukan angka desimal (misalnya -6.9893).</translation>
    </message>
    <message>
        <source>Out of range (latitude -90..90, longitude -180..180).</source>
        <translation>Di luar rentang (lintang -90..90, bujur -180..180).</translation>
    </message>
    <message>
        <source>Give both latitude and longitude, or neither.</source>
        <translation>Isi lintang dan bujur, atau kosongkan keduanya.</translation>
    </message>
    <message>
        <source>Unknown capability.</source>
        <translation>Kemampuan tidak dikenal.</translation>
    </message>
    <message>
        <source>Capability listed twice.</source>
        <translation>Kemampuan tercantum dua kali.</translation>
    </message>
    <message>
        <source>Not a phone number.</source>
        <translation>Bukan nomor telepon.</translation>
    </message>
    <message>
        <source>Write yes or no.</source>
        <translation>Tulis ya atau tidak.</translation>
    </message>
    <message>
        <source>Call sign used by an earlier row.</source>
        <translation>Kode unit sudah dipakai baris sebelumnya.</translation>
    </message>
    <message>
        <source>The file is not UTF-8 text (save as 'CSV UTF-8').</source>
        <translation>Berkas bukan teks UTF-8 (simpan sebagai 'CSV UTF-8').</translation>
    </message>
    <message>
        <source>The file has no header row.</source>
        <translation>Berkas tidak memiliki baris judul.</translation>
    </message>
    <message>
        <source>A required column is missing.</source>
        <translation>Kolom wajib tidak ada.</translation>
    </message>
    <message>
        <source>Unknown column.</source>
        <translation>Kolom tidak dikenal.</translation>
    </message>
    <message>
        <source>Column named twice.</source>
        <translation>Kolom disebut dua kali.</translation>
    </message>
    <message>
        <source>More cells than the header has columns.</source>
        <translation>Jumlah sel melebihi jumlah kolom judul.</translation>
    </message>
    <message>
        <source>Not valid CSV (an unclosed quote?).</source>
        <translation>CSV tidak valid (tanda kutip tidak ditutup?).</translation>
    </message>
    <message>
        <source>Too many rows.</source>
        <translation>Terlalu banyak baris.</translation>
    </message>
    <message>
        <source>Line %1</source>
        <translation>Baris %1</translation>
    </message>
    <message>
        <source>Unit roster</source>
        <translation>Daftar unit</translation>
    </message>
    <message>
        <source>Filter: call sign, agency, station…</source>
        <translation>Filter: kode unit, instansi, pos…</translation>
    </message>
    <message>
        <source>&amp;Filter</source>
        <translation>&amp;Filter</translation>
    </message>
    <message>
        <source>Read only: only a supervisor edits the roster.</source>
        <translation>Hanya baca: hanya koordinator yang dapat mengubah daftar unit.</translation>
    </message>
    <message>
        <source>Call sign</source>
        <translation>Kode unit</translation>
    </message>
    <message>
        <source>Agency</source>
        <translation>Instansi</translation>
    </message>
    <message>
        <source>Agency name</source>
        <translation>Nama instansi</translation>
    </message>
    <message>
        <source>Station</source>
        <translation>Pos</translation>
    </message>
    <message>
        <source>Capabilities</source>
        <translation>Kemampuan</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Aktif</translation>
    </message>
    <message>
        <source>&amp;Call sign</source>
        <translation>&amp;Kode unit</translation>
    </message>
    <message>
        <source>Agency &amp;name</source>
        <translation>&amp;Nama instansi</translation>
    </message>
    <message>
        <source>S&amp;tation</source>
        <translation>&amp;Pos</translation>
    </message>
    <message>
        <source>&amp;Latitude</source>
        <translation>&amp;Lintang</translation>
    </message>
    <message>
        <source>L&amp;ongitude</source>
        <translation>&amp;Bujur</translation>
    </message>
    <message>
        <source>&amp;Radio channel</source>
        <translation>Kanal ra&amp;dio</translation>
    </message>
    <message>
        <source>P&amp;hone</source>
        <translation>&amp;Telepon</translation>
    </message>
    <message>
        <source>&amp;Agency type</source>
        <translation>&amp;Jenis instansi</translation>
    </message>
    <message>
        <source>Ca&amp;pabilities (Space ticks)</source>
        <translation>Ke&amp;mampuan (Spasi mencentang)</translation>
    </message>
    <message>
        <source>Ne&amp;w unit</source>
        <translation>&amp;Unit baru</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Simpan</translation>
    </message>
    <message>
        <source>&amp;Deactivate</source>
        <translation>N&amp;onaktifkan</translation>
    </message>
    <message>
        <source>&amp;Import CSV…</source>
        <translation>&amp;Impor CSV…</translation>
    </message>
    <message>
        <source>Appl&amp;y import</source>
        <translation>Te&amp;rapkan impor</translation>
    </message>
    <message>
        <source>&amp;Export CSV…</source>
        <translation>&amp;Ekspor CSV…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Tutup</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ya</translation>
    </message>
    <message>
        <source>no</source>
        <translation>tidak</translation>
    </message>
    <message>
        <source>no (deactivated)</source>
        <translation>tidak (dinonaktifkan)</translation>
    </message>
    <message>
        <source>Re&amp;activate</source>
        <translation>&amp;Aktifkan lagi</translation>
    </message>
    <message>
        <source>Not saved: correct the fields marked.</source>
        <translation>Belum tersimpan: perbaiki kolom yang ditandai.</translation>
    </message>
    <message>
        <source>Unit %1 added.</source>
        <translation>Unit %1 ditambahkan.</translation>
    </message>
    <message>
        <source>Unit %1 saved.</source>
        <translation>Unit %1 disimpan.</translation>
    </message>
    <message>
        <source>%1 is back on the roster.</source>
        <translation>%1 kembali masuk daftar unit.</translation>
    </message>
    <message>
        <source>%1 is deactivated (kept on record).</source>
        <translation>%1 dinonaktifkan (tetap tercatat).</translation>
    </message>
    <message>
        <source>Import units from CSV</source>
        <translation>Impor unit dari CSV</translation>
    </message>
    <message>
        <source>CSV files (*.csv);;All files (*)</source>
        <translation>Berkas CSV (*.csv);;Semua berkas (*)</translation>
    </message>
    <message>
        <source>Cannot read the file: %1</source>
        <translation>Berkas tidak dapat dibaca: %1</translation>
    </message>
    <message>
        <source>Nothing imported: the file is not a roster.</source>
        <translation>Tidak ada yang diimpor: berkas ini bukan daftar unit.</translation>
    </message>
    <message>
        <source>%1: %2 units to add, %3 to update, %4 unchanged, %5 rows rejected.</source>
        <translation>%1: %2 unit akan ditambahkan, %3 diperbarui, %4 tidak berubah, %5 baris ditolak.</translation>
    </message>
    <message>
        <source>Alt+Y applies the import; rejected rows are left out.</source>
        <translation>Alt+R menerapkan impor; baris yang ditolak tidak diikutkan.</translation>
    </message>
    <message>
        <source>Imported: %1 added, %2 updated, %3 unchanged, %4 rows rejected.</source>
        <translation>Diimpor: %1 ditambahkan, %2 diperbarui, %3 tidak berubah, %4 baris ditolak.</translation>
    </message>
    <message>
        <source>Nothing imported</source>
        <translation>Tidak ada yang diimpor</translation>
    </message>
    <message>
        <source>Export units to CSV</source>
        <translation>Ekspor unit ke CSV</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Berkas CSV (*.csv)</translation>
    </message>
    <message>
        <source>Not exported: %1</source>
        <translation>Gagal diekspor: %1</translation>
    </message>
    <message>
        <source>%1 units exported to %2.</source>
        <translation>%1 unit diekspor ke %2.</translation>
    </message>
</context>
<context>
    <name>ScenarioCommand</name>
    <message>
        <source>OK {id}: {title} ({calls} calls, {surge} surge callers)</source>
        <translation>OK {id}: {title} ({calls} panggilan, {surge} pelapor lonjakan)</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>When the first shift of the day starts</source>
        <extracomment>Indonesia's three time zones, by their IANA names.</extracomment>
        <translation>Saat shift pertama hari itu dimulai</translation>
    </message>
    <message>
        <source>first shift from</source>
        <translation>shift pertama mulai</translation>
    </message>
    <message>
        <source>As saved: %1</source>
        <translation>Seperti tersimpan: %1</translation>
    </message>
    <message>
        <source>Not a usable map tile file: %1.</source>
        <translation>Bukan berkas ubin peta yang dapat dipakai: %1.</translation>
    </message>
    <message>
        <source>Map tiles: %1, zoom levels %2 to %3.</source>
        <translation>Ubin peta: %1, tingkat zoom %2 sampai %3.</translation>
    </message>
    <message>
        <source>none: the map is drawn from the village points</source>
        <translation>tidak ada: peta digambar dari titik kelurahan</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;Cari berkas…</translation>
    </message>
    <message>
        <source>Map tile file (MBTiles)</source>
        <translation>Berkas ubin peta (MBTiles)</translation>
    </message>
    <message>
        <source>MBTiles files (*.mbtiles);;All files (*)</source>
        <translation>Berkas MBTiles (*.mbtiles);;Semua berkas (*)</translation>
    </message>
    <message>
        <source>Console settings</source>
        <translation>Pengaturan konsol</translation>
    </message>
    <message>
        <source>WIB (Western Indonesia, UTC+7)</source>
        <translation>WIB (Waktu Indonesia Barat, UTC+7)</translation>
    </message>
    <message>
        <source>WITA (Central Indonesia, UTC+8)</source>
        <translation>WITA (Waktu Indonesia Tengah, UTC+8)</translation>
    </message>
    <message>
        <source>WIT (Eastern Indonesia, UTC+9)</source>
        <translation>WIT (Waktu Indonesia Timur, UTC+9)</translation>
    </message>
    <message>
        <source>e.g. 33.74 (Kota Semarang)</source>
        <translation>misalnya 33.74 (Kota Semarang)</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Bahasa</translation>
    </message>
    <message>
        <source>&amp;Console name</source>
        <translation>Nama &amp;konsol</translation>
    </message>
    <message>
        <source>Time &amp;zone</source>
        <translation>&amp;Zona waktu</translation>
    </message>
    <message>
        <source>&amp;Simulated calls per minute</source>
        <translation>Panggilan &amp;simulasi per menit</translation>
    </message>
    <message>
        <source>Spee&amp;d for unit ETA (straight line)</source>
        <translation>Kecepatan untuk &amp;ETA unit (garis lurus)</translation>
    </message>
    <message>
        <source>Repeat &amp;prank caller: prank calls in 24 h, this one included</source>
        <translation>Ambang iseng be&amp;rulang: jumlah panggilan iseng dalam 24 jam (termasuk panggilan ini)</translation>
    </message>
    <message>
        <source>Centre's own a&amp;rea code (first in Find area)</source>
        <translation>Kode &amp;wilayah Call Center ini (teratas di Cari wilayah)</translation>
    </message>
    <message>
        <source>S&amp;hifts of the centre</source>
        <translation>P&amp;ola shift Call Center ini</translation>
    </message>
    <message>
        <source>Map t&amp;iles (MBTiles file)</source>
        <translation>Ubin &amp;peta (berkas MBTiles)</translation>
    </message>
    <message>
        <source>Feeds (caller-ID modems, Whozz Calling, NCID, Asterisk)</source>
        <translation>Sumber panggilan (modem caller-ID, Whozz Calling, NCID, Asterisk)</translation>
    </message>
    <message>
        <source>Feeds, timer limits, the shifts and the centre's area are shown read-only: only a supervisor or an administrator can change them.</source>
        <translation>Sumber panggilan, batas waktu, pola shift, dan wilayah Call Center hanya ditampilkan: hanya koordinator atau administrator yang dapat mengubahnya.</translation>
    </message>
    <message>
        <source>Changes take effect the next time the console starts.</source>
        <translation>Perubahan berlaku saat konsol dijalankan berikutnya.</translation>
    </message>
    <message>
        <source>e.g. PJSIP/201</source>
        <translation>mis. PJSIP/201</translation>
    </message>
    <message>
        <source>Your telephone e&amp;xtension (rings first when dialling an agency)</source>
        <translation>&amp;Nomor ekstensi telepon Anda (berdering dulu saat menelepon instansi)</translation>
    </message>
    <message>
        <source>PBX dial c&amp;ontext for agencies' numbers</source>
        <translation>Konteks &amp;dial PBX untuk nomor instansi</translation>
    </message>
    <message>
        <source>Not a telephone channel: write it as the PBX names it, e.g. PJSIP/201.</source>
        <translation>Bukan kanal telepon: tulis seperti penamaan di PBX, mis. PJSIP/201.</translation>
    </message>
    <message>
        <source>Give the PBX's dial context, e.g. from-internal.</source>
        <translation>Isi konteks dial PBX, mis. from-internal.</translation>
    </message>
    <message>
        <source>A dial context has letters, digits, '-', '_' and '.' only, e.g. from-internal.</source>
        <translation>Konteks dial hanya berisi huruf, angka, '-', '_' dan '.', mis. from-internal.</translation>
    </message>
    <message>
        <source>Saved when you press Save: the console speaks %1 from its next start (unless started with --lang).</source>
        <translation>Disimpan saat Anda menekan Simpan: konsol berbahasa %1 mulai dijalankan berikutnya (kecuali dijalankan dengan --lang).</translation>
    </message>
    <message>
        <source>This run speaks %1 (--lang); %2 stays saved for other starts.</source>
        <translation>Konsol kali ini berbahasa %1 (--lang); %2 tetap tersimpan untuk dijalankan berikutnya.</translation>
    </message>
    <message>
        <source>Give this console a name, e.g. KONSOL-01.</source>
        <translation>Beri nama konsol ini, misalnya KONSOL-01.</translation>
    </message>
    <message>
        <source>Not a known area code: use e.g. 33.74 for Kota Semarang.</source>
        <translation>Kode wilayah tidak dikenal: gunakan misalnya 33.74 untuk Kota Semarang.</translation>
    </message>
</context>
<context>
    <name>ShiftLog</name>
    <message>
        <source>not yet classified</source>
        <extracomment>Typing waits this long for the next key before the log is searched (a search takes ~10-100 ms). Calls shown at most (the newest); the count says when there are more.</extracomment>
        <translation>belum diklasifikasi</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Waktu</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Nomor</translation>
    </message>
    <message>
        <source>Class</source>
        <translation>Jenis</translation>
    </message>
    <message>
        <source>Answered by</source>
        <translation>Dijawab oleh</translation>
    </message>
    <message>
        <source>Incident</source>
        <translation>Kejadian</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Kategori</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>Prioritas</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Note found</source>
        <translation>Catatan yang cocok</translation>
    </message>
    <message>
        <source>Any shift</source>
        <translation>Semua shift</translation>
    </message>
    <message>
        <source>Anyone</source>
        <translation>Siapa saja</translation>
    </message>
    <message>
        <source>Any class</source>
        <translation>Semua jenis</translation>
    </message>
    <message>
        <source>Any category</source>
        <translation>Semua kategori</translation>
    </message>
    <message>
        <source>Shift log not read: the database is busy.</source>
        <translation>Log shift tidak terbaca: basis data sedang sibuk.</translation>
    </message>
    <message>
        <source>✘ Type the times as 2026-11-27 07:00 (local time).</source>
        <translation>✘ Ketik waktu seperti 2026-11-27 07:00 (waktu setempat).</translation>
    </message>
    <message>
        <source>The newest %1 calls found, newest first: narrow the filters to see older ones.</source>
        <translation>Ditampilkan %1 panggilan terbaru, yang terbaru di atas: persempit saringan untuk melihat yang lebih lama.</translation>
    </message>
    <message>
        <source>the database is busy; type again to retry.</source>
        <translation>basis data sedang sibuk; ketik lagi untuk mencoba lagi.</translation>
    </message>
    <message>
        <source>✘ Not searched: %1</source>
        <translation>✘ Tidak dicari: %1</translation>
    </message>
    <message>
        <source>This call has no incident: %1, %2.</source>
        <translation>Panggilan ini tidak punya kejadian: %1, %2.</translation>
    </message>
    <message>
        <source>Timeline not read: the database is busy.</source>
        <translation>Garis waktu tidak terbaca: basis data sedang sibuk.</translation>
    </message>
    <message>
        <source>Timeline of incident %1 (%2 entries)</source>
        <translation>Garis waktu kejadian %1 (%2 baris)</translation>
    </message>
    <message>
        <source>%1 to %2</source>
        <translation>%1 sampai %2</translation>
    </message>
    <message>
        <source>Choose a shift, or type both ends of a period, in the shift log (Ctrl+6) first.</source>
        <translation>Pilih shift, atau ketik kedua ujung periode, di log shift (Ctrl+6) dulu.</translation>
    </message>
    <message>
        <source>Review not read: the database is busy.</source>
        <translation>Tinjauan tidak terbaca: basis data sedang sibuk.</translation>
    </message>
    <message>
        <source>Average score %1.</source>
        <translation>Nilai rata-rata %1.</translation>
    </message>
    <message>
        <source>not yet</source>
        <translation>belum</translation>
    </message>
    <message>
        <source>✘ Incidents closed without narrative: %1</source>
        <translation>✘ Kejadian ditutup tanpa kronologi: %1</translation>
    </message>
    <message>
        <source>✔ Every incident closed in the period has a narrative.</source>
        <translation>✔ Semua kejadian yang ditutup dalam periode ini punya kronologi.</translation>
    </message>
    <message>
        <source>Calls found: %1, newest first. Enter on a call shows its incident's timeline.</source>
        <translation>Panggilan ditemukan: %1, yang terbaru di atas. Enter pada panggilan menampilkan garis waktu kejadiannya.</translation>
    </message>
    <message>
        <source>%1: drawn %2, reviewed %3.</source>
        <translation>%1: sampel %2, ditinjau %3.</translation>
    </message>
    <message>
        <source>Calls drawn for review from %2: %1.</source>
        <translation>Panggilan yang diambil untuk ditinjau dari %2: %1.</translation>
    </message>
    <message>
        <source>Nothing more to draw from %2: its sample is complete.</source>
        <translation>Tidak ada lagi yang diambil dari %2: sampelnya sudah lengkap.</translation>
    </message>
    <message>
        <source>Draw a sample, then Enter on a call opens its form.</source>
        <translation>Ambil sampel, lalu Enter pada panggilan membuka formulirnya.</translation>
    </message>
    <message>
        <source>Review of the call at %1 from %2, answered by %3</source>
        <translation>Tinjauan panggilan pukul %1 dari %2, dijawab oleh %3</translation>
    </message>
    <message>
        <source>(reviewed by %1: it cannot change)</source>
        <translation>(ditinjau oleh %1: tidak bisa diubah)</translation>
    </message>
    <message>
        <source>(a digit answers the question; Enter in the comment saves)</source>
        <translation>(angka menjawab pertanyaan; Enter di komentar menyimpan)</translation>
    </message>
    <message>
        <source>%1 (%2 points)</source>
        <translation>%1 (%2 poin)</translation>
    </message>
    <message>
        <source>Score: %1 / 100</source>
        <translation>Nilai: %1 / 100</translation>
    </message>
    <message>
        <source>Answered %1 of %2</source>
        <translation>Terjawab %1 dari %2</translation>
    </message>
    <message>
        <source>%1 is not an answer here: press 1 to %2.</source>
        <translation>%1 bukan jawaban di sini: tekan 1 sampai %2.</translation>
    </message>
    <message>
        <source>Answer every question first: %1 of %2 answered.</source>
        <translation>Jawab semua pertanyaan dulu: %1 dari %2 terjawab.</translation>
    </message>
    <message>
        <source>Review saved: score %1 / 100.</source>
        <translation>Tinjauan tersimpan: nilai %1 / 100.</translation>
    </message>
    <message>
        <source>Call rang</source>
        <translation>Panggilan berdering</translation>
    </message>
    <message>
        <source>Call answered</source>
        <translation>Panggilan dijawab</translation>
    </message>
    <message>
        <source>Call ended</source>
        <translation>Panggilan selesai</translation>
    </message>
    <message>
        <source>%1 (corrects note %2)</source>
        <translation>%1 (mengoreksi catatan %2)</translation>
    </message>
    <message>
        <source>Note: %1</source>
        <translation>Catatan: %1</translation>
    </message>
    <message>
        <source>from %1</source>
        <translation>dari %1</translation>
    </message>
    <message>
        <source>%1; overridden: %2</source>
        <translation>%1; diubah paksa: %2</translation>
    </message>
    <message>
        <source>Alert raised</source>
        <translation>Peringatan muncul</translation>
    </message>
    <message>
        <source>Alert acknowledged</source>
        <translation>Peringatan dikonfirmasi</translation>
    </message>
    <message>
        <source>Alert cleared</source>
        <translation>Peringatan selesai</translation>
    </message>
    <message>
        <source>Callback queued</source>
        <translation>Masuk antrean panggilan balik</translation>
    </message>
    <message>
        <source>Callback attempt</source>
        <translation>Percobaan panggilan balik</translation>
    </message>
    <message>
        <source>Callback closed</source>
        <translation>Panggilan balik ditutup</translation>
    </message>
    <message>
        <source>Audit: %1</source>
        <translation>Audit: %1</translation>
    </message>
</context>
<context>
    <name>ShiftLogView</name>
    <message>
        <source>YYYY-MM-DD HH:MM</source>
        <extracomment>Below this width the filters go two a row.</extracomment>
        <translation>TTTT-BB-HH JJ:MM</translation>
    </message>
    <message>
        <source>digits of the caller's number</source>
        <translation>angka nomor pelapor</translation>
    </message>
    <message>
        <source>e.g. 2026-000123</source>
        <translation>mis. 2026-000123</translation>
    </message>
    <message>
        <source>words in the notes</source>
        <translation>kata dalam catatan</translation>
    </message>
    <message>
        <source>Shift</source>
        <translation>Shift</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Dari</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Sampai</translation>
    </message>
    <message>
        <source>Answered by</source>
        <translation>Dijawab oleh</translation>
    </message>
    <message>
        <source>Class</source>
        <translation>Jenis</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Kategori</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Nomor</translation>
    </message>
    <message>
        <source>Incident</source>
        <translation>Kejadian</translation>
    </message>
    <message>
        <source>Full text</source>
        <translation>Cari di catatan</translation>
    </message>
    <message>
        <source>Timeline: Enter on a row shows its incident's.</source>
        <translation>Garis waktu: Enter pada baris menampilkan garis waktu kejadiannya.</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Waktu</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Apa</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Rincian</translation>
    </message>
    <message>
        <source>By</source>
        <translation>Oleh</translation>
    </message>
    <message>
        <source>Shift log (Ctrl+6)</source>
        <translation>Log shift (Ctrl+6)</translation>
    </message>
    <message>
        <source>Draw a sample of the period</source>
        <translation>Ambil sampel periode ini</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Nilai</translation>
    </message>
    <message>
        <source>Question</source>
        <translation>Pertanyaan</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>Jawaban</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Tombol</translation>
    </message>
    <message>
        <source>Comment (Enter saves the review)</source>
        <translation>Komentar (Enter menyimpan tinjauan)</translation>
    </message>
    <message>
        <source>Save review</source>
        <translation>Simpan tinjauan</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Ditutup</translation>
    </message>
    <message>
        <source>Quality review (Ctrl+8)</source>
        <translation>Tinjauan mutu (Ctrl+8)</translation>
    </message>
</context>
<context>
    <name>ShiftPanel</name>
    <message>
        <source>Shift shown:</source>
        <extracomment>The longest pass-down or planned-events text kept (a few screens of instructions).</extracomment>
        <translation>Shift yang tampil:</translation>
    </message>
    <message>
        <source>Open shift (Ctrl+Shift+O)</source>
        <translation>Buka shift (Ctrl+Shift+O)</translation>
    </message>
    <message>
        <source>Close shift (Ctrl+Shift+C)</source>
        <translation>Tutup shift (Ctrl+Shift+C)</translation>
    </message>
    <message>
        <source>Sign off (Ctrl+Shift+S)</source>
        <translation>Tanda tangani (Ctrl+Shift+S)</translation>
    </message>
    <message>
        <source>Acknowledge (Ctrl+Shift+T)</source>
        <translation>Terima (Ctrl+Shift+T)</translation>
    </message>
    <message>
        <source>Print (Ctrl+Shift+P)</source>
        <translation>Cetak (Ctrl+Shift+P)</translation>
    </message>
    <message>
        <source>Save PDF/CSV/JSON (Ctrl+Shift+E)</source>
        <translation>Simpan PDF/CSV/JSON (Ctrl+Shift+E)</translation>
    </message>
    <message>
        <source>Addendum to the signed report (Enter saves it)</source>
        <translation>Adendum laporan yang ditandatangani (Enter menyimpan)</translation>
    </message>
    <message>
        <source>Addendum:</source>
        <translation>Adendum:</translation>
    </message>
    <message>
        <source>Handover report</source>
        <translation>Laporan serah terima</translation>
    </message>
    <message>
        <source>Pass-down instructions:</source>
        <translation>Pesan untuk shift berikutnya:</translation>
    </message>
    <message>
        <source>Planned events:</source>
        <translation>Kegiatan terencana:</translation>
    </message>
    <message>
        <source>Saved when you leave a field (Tab) or press Ctrl+Enter.</source>
        <translation>Tersimpan saat Anda meninggalkan kolom (Tab) atau menekan Ctrl+Enter.</translation>
    </message>
    <message>
        <source>Pass-down</source>
        <translation>Pesan shift</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nama</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Peran</translation>
    </message>
    <message>
        <source>Console</source>
        <translation>Konsol</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>Posisi</translation>
    </message>
    <message>
        <source>From - to</source>
        <translation>Dari - sampai</translation>
    </message>
    <message>
        <source>Staff on duty</source>
        <translation>Petugas yang berjaga</translation>
    </message>
    <message>
        <source>No shift opened yet</source>
        <translation>Belum ada shift yang dibuka</translation>
    </message>
</context>
<context>
    <name>Shifts</name>
    <message>
        <source>%1 (open)</source>
        <translation>%1 (terbuka)</translation>
    </message>
    <message>
        <source>Shift not read: the database is busy.</source>
        <extracomment>The shift on show (the open one unless another was picked), its signed report if any. The report's document as shown (draft or signed; ``dispatch.reports.export``), and its shift. A shift picked from the list; None follows the open shift (or the latest). The pass-down as last saved or read, to tell an edit from a refresh.</extracomment>
        <translation>Shift tidak terbaca: basis data sedang sibuk.</translation>
    </message>
    <message>
        <source>No shift has been opened yet.</source>
        <translation>Belum ada shift yang dibuka.</translation>
    </message>
    <message>
        <source>Ctrl+Shift+O opens the shift of the centre's pattern now.</source>
        <translation>Ctrl+Shift+O membuka shift pola pusat yang berlaku sekarang.</translation>
    </message>
    <message>
        <source>The report is signed: corrections are addenda (Ctrl+Shift+N).</source>
        <translation>Laporan sudah ditandatangani: koreksi ditulis sebagai adendum (Ctrl+Shift+N).</translation>
    </message>
    <message>
        <source>%1 shift, %2 to %3</source>
        <translation>Shift %1, %2 sampai %3</translation>
    </message>
    <message>
        <source>Opened %1 by %2</source>
        <translation>Dibuka %1 oleh %2</translation>
    </message>
    <message>
        <source>● Open. %1.</source>
        <translation>● Terbuka. %1.</translation>
    </message>
    <message>
        <source>closed %1 by %2</source>
        <translation>ditutup %1 oleh %2</translation>
    </message>
    <message>
        <source>Closed. %1; %2.</source>
        <translation>Ditutup. %1; %2.</translation>
    </message>
    <message>
        <source>Handover report: draft (the shift is still open).</source>
        <translation>Laporan serah terima: draf (shift masih terbuka).</translation>
    </message>
    <message>
        <source>Handover report: draft, not signed. The outgoing lead signs it off (Ctrl+Shift+S).</source>
        <translation>Laporan serah terima: draf, belum ditandatangani. Koordinator yang keluar menandatanganinya (Ctrl+Shift+S).</translation>
    </message>
    <message>
        <source>✔ Signed by %1 at %2.</source>
        <translation>✔ Ditandatangani oleh %1 pada %2.</translation>
    </message>
    <message>
        <source>✔ Acknowledged by %1 at %2.</source>
        <translation>✔ Diterima oleh %1 pada %2.</translation>
    </message>
    <message>
        <source>✘ Not acknowledged yet: the incoming lead acknowledges it (Ctrl+Shift+T).</source>
        <translation>✘ Belum diterima: koordinator yang masuk menerimanya (Ctrl+Shift+T).</translation>
    </message>
    <message>
        <source>now</source>
        <translation>sekarang</translation>
    </message>
    <message>
        <source>the database is busy.</source>
        <translation>basis data sedang sibuk.</translation>
    </message>
    <message>
        <source>Handover report not read: %1</source>
        <translation>Laporan serah terima tidak terbaca: %1</translation>
    </message>
    <message>
        <source>Opened: %1.</source>
        <translation>Dibuka: %1.</translation>
    </message>
    <message>
        <source>Close %1? Its handover report can then be signed.</source>
        <translation>Tutup %1? Setelah itu laporan serah terimanya dapat ditandatangani.</translation>
    </message>
    <message>
        <source>Close the shift</source>
        <translation>Tutup shift</translation>
    </message>
    <message>
        <source>Closed: %1. The outgoing lead signs the handover off (Ctrl+Shift+S).</source>
        <translation>Ditutup: %1. Koordinator yang keluar menandatangani serah terima (Ctrl+Shift+S).</translation>
    </message>
    <message>
        <source>● Changed, not saved yet (Tab or Ctrl+Enter saves).</source>
        <translation>● Diubah, belum tersimpan (Tab atau Ctrl+Enter menyimpan).</translation>
    </message>
    <message>
        <source>✘ Not saved: %1</source>
        <translation>✘ Tidak tersimpan: %1</translation>
    </message>
    <message>
        <source>Pass-down not saved: %1</source>
        <translation>Pesan untuk shift berikutnya tidak tersimpan: %1</translation>
    </message>
    <message>
        <source>the database is busy; it is saved when you leave the field again.</source>
        <translation>basis data sedang sibuk; tersimpan saat Anda meninggalkan kolom lagi.</translation>
    </message>
    <message>
        <source>✔ Saved at %1.</source>
        <translation>✔ Tersimpan pukul %1.</translation>
    </message>
    <message>
        <source>Sign off the handover report of %1? Once signed it never changes; corrections are addenda.</source>
        <translation>Tanda tangani laporan serah terima %1? Setelah ditandatangani laporan tidak bisa diubah; koreksi ditulis sebagai adendum.</translation>
    </message>
    <message>
        <source>Sign off</source>
        <translation>Tanda tangani</translation>
    </message>
    <message>
        <source>Handover report signed. The incoming lead acknowledges it.</source>
        <translation>Laporan serah terima ditandatangani. Koordinator yang masuk menerimanya.</translation>
    </message>
    <message>
        <source>Acknowledge the handover report of %1 as the incoming lead (%2)?</source>
        <translation>Terima laporan serah terima %1 sebagai koordinator yang masuk (%2)?</translation>
    </message>
    <message>
        <source>Acknowledge</source>
        <translation>Terima</translation>
    </message>
    <message>
        <source>Handover report acknowledged.</source>
        <translation>Laporan serah terima diterima.</translation>
    </message>
    <message>
        <source>Addendum added to the signed report.</source>
        <translation>Adendum ditambahkan pada laporan yang ditandatangani.</translation>
    </message>
    <message>
        <source>the handover report of %1</source>
        <translation>laporan serah terima %1</translation>
    </message>
</context>
<context>
    <name>SituationMap</name>
    <message>
        <source>avail</source>
        <translation>siap</translation>
    </message>
    <message>
        <source>disp</source>
        <translation>dikirim</translation>
    </message>
    <message>
        <source>ack</source>
        <translation>konfirm</translation>
    </message>
    <message>
        <source>en route</source>
        <translation>otw</translation>
    </message>
    <message>
        <source>on scene</source>
        <translation>tiba</translation>
    </message>
    <message>
        <source>patient</source>
        <translation>pasien</translation>
    </message>
    <message>
        <source>transport</source>
        <translation>antar</translation>
    </message>
    <message>
        <source>hospital</source>
        <translation>di RS</translation>
    </message>
    <message>
        <source>cleared</source>
        <translation>selesai</translation>
    </message>
    <message>
        <source>out</source>
        <translation>nonaktif</translation>
    </message>
    <message>
        <source>off duty</source>
        <translation>lepas dinas</translation>
    </message>
    <message>
        <source>staging</source>
        <translation>titik kumpul</translation>
    </message>
    <message>
        <source>delayed</source>
        <translation>tertunda</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>batal</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>%1. %2</source>
        <translation>%1. %2</translation>
    </message>
    <message>
        <source>%1 · waiting</source>
        <translation>%1 · menunggu</translation>
    </message>
    <message>
        <source>area centre, about ±%1</source>
        <translation>titik tengah wilayah, sekitar ±%1</translation>
    </message>
    <message>
        <source>area centre</source>
        <translation>titik tengah wilayah</translation>
    </message>
    <message>
        <source>±%1</source>
        <translation>±%1</translation>
    </message>
    <message>
        <source>there is no such file</source>
        <translation>berkas itu tidak ada</translation>
    </message>
    <message>
        <source>it is not an SQLite database</source>
        <translation>bukan basis data SQLite</translation>
    </message>
    <message>
        <source>it is not an MBTiles file (no tiles table)</source>
        <translation>bukan berkas MBTiles (tidak ada tabel tiles)</translation>
    </message>
    <message>
        <source>the file has no tiles</source>
        <translation>berkas itu tidak berisi ubin</translation>
    </message>
    <message>
        <source>its tiles are %1; the map draws raster tiles (png or jpg)</source>
        <translation>ubinnya berformat %1; peta hanya menggambar ubin raster (png atau jpg)</translation>
    </message>
    <message>
        <source>a tile in it is not a readable image</source>
        <translation>ada ubin di dalamnya yang bukan gambar yang dapat dibaca</translation>
    </message>
    <message>
        <source>Situation map</source>
        <translation>Peta situasi</translation>
    </message>
    <message>
        <source>Scale: %1</source>
        <translation>Skala: %1</translation>
    </message>
</context>
<context>
    <name>TimerSettings</name>
    <message>
        <source>Call ringing longer than</source>
        <translation>Panggilan berdering lebih dari</translation>
    </message>
    <message>
        <source>Incident answered, no unit dispatched after</source>
        <translation>Kejadian dijawab, belum ada unit dikirim setelah</translation>
    </message>
    <message>
        <source>Unit dispatched, not acknowledged after</source>
        <translation>Unit dikirim, belum dikonfirmasi setelah</translation>
    </message>
    <message>
        <source>Unit en route longer than</source>
        <translation>Unit dalam perjalanan lebih dari</translation>
    </message>
    <message>
        <source>Unit on scene without an update for</source>
        <translation>Unit di lokasi tanpa pembaruan selama</translation>
    </message>
    <message>
        <source>Timers and alerts (m:ss, or seconds)</source>
        <translation>Batas waktu dan peringatan (m:dd, atau detik)</translation>
    </message>
    <message>
        <source>Sound when an alert is raised</source>
        <translation>Bunyikan suara saat ada peringatan</translation>
    </message>
    <message>
        <source>Write minutes:seconds (2:00) or seconds (120).</source>
        <translation>Tulis menit:detik (2:00) atau detik (120).</translation>
    </message>
    <message>
        <source>At least %1 seconds.</source>
        <translation>Minimal %1 detik.</translation>
    </message>
    <message>
        <source>At most %1.</source>
        <translation>Maksimal %1.</translation>
    </message>
</context>
<context>
    <name>TrainerPanel</name>
    <message>
        <source>Scenario</source>
        <extracomment>The longest line a trainer may type as the caller.</extracomment>
        <translation>Skenario</translation>
    </message>
    <message>
        <source>Minutes</source>
        <translation>Menit</translation>
    </message>
    <message>
        <source>Calls</source>
        <translation>Panggilan</translation>
    </message>
    <message>
        <source>Competencies</source>
        <translation>Kompetensi</translation>
    </message>
    <message>
        <source>Space marks a trainee</source>
        <translation>Spasi menandai peserta</translation>
    </message>
    <message>
        <source>Scenarios (Ctrl+9)</source>
        <translation>Skenario (Ctrl+9)</translation>
    </message>
    <message>
        <source>Trainees (Space marks)</source>
        <translation>Peserta (Spasi menandai)</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Mulai</translation>
    </message>
    <message>
        <source>Pause / resume</source>
        <translation>Jeda / lanjutkan</translation>
    </message>
    <message>
        <source>Speed</source>
        <translation>Kecepatan</translation>
    </message>
    <message>
        <source>Ring a call now</source>
        <translation>Sisipkan panggilan</translation>
    </message>
    <message>
        <source>End and score</source>
        <translation>Akhiri dan nilai</translation>
    </message>
    <message>
        <source>Call</source>
        <translation>Panggilan</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Keadaan</translation>
    </message>
    <message>
        <source>Trainee</source>
        <translation>Peserta</translation>
    </message>
    <message>
        <source>Incident</source>
        <translation>Kejadian</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Kategori</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>Prioritas</translation>
    </message>
    <message>
        <source>Kelurahan</source>
        <translation>Kelurahan</translation>
    </message>
    <message>
        <source>Units</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>Enter shows the call's incident in the form</source>
        <translation>Enter menampilkan kejadian panggilan ini di formulir</translation>
    </message>
    <message>
        <source>Say as the caller of the selected call (Ctrl+Shift+K):</source>
        <translation>Ucapkan sebagai pelapor panggilan yang dipilih (Ctrl+Shift+K):</translation>
    </message>
    <message>
        <source>Type the caller's words; Enter says them</source>
        <translation>Ketik ucapan pelapor; Enter mengucapkannya</translation>
    </message>
</context>
<context>
    <name>Training</name>
    <message>
        <source>A scenario is running: end it first (Ctrl+Shift+Z).</source>
        <extracomment>Seconds a trainer may hold a unit, by the one key that chooses it. The keys of the speeds (``PlayClock.SPEEDS``), in order. The most scripted calls offered at once to ring now (one key each). The standard most scenarios name their competencies by, left out of the narrow column (the whole names are in the scenario and its catalogue): "APCO ANS 3.103: interrogation" shows "interrogation". Scenarios read so far, by id (the shipped ones, and a file given with --scenario). The trainees chosen for the run loaded but not started (to tell a new choice from it). The call whose lines the caller's panel shows. The session the debrief shows, and the trainee (None: every trainee of it). Calls of the run whose caller was told they were answered (here or at another console). The callers of a run held by another console of the room (asked and dialled from here). Whether a call is one a scenario rang (it never changes once the call exists). Change notices came since the trainer's table (the debrief) was last read. What the debrief page shows (session, trainee, ended, calls scored): read again when it changes. Time since the run ended, for its crews to finish (None while it runs).</extracomment>
        <translation>Skenario sedang berjalan: akhiri dulu (Ctrl+Shift+Z).</translation>
    </message>
    <message>
        <source>Choose a scenario first (Ctrl+9).</source>
        <translation>Pilih skenario dulu (Ctrl+9).</translation>
    </message>
    <message>
        <source>Mark at least one trainee (Space in the list).</source>
        <translation>Tandai sedikitnya satu peserta (Spasi di daftar).</translation>
    </message>
    <message>
        <source>Scenario started: %1.</source>
        <translation>Skenario dimulai: %1.</translation>
    </message>
    <message>
        <source>No scenario is running (Ctrl+Shift+G starts one).</source>
        <translation>Tidak ada skenario yang berjalan (Ctrl+Shift+G memulainya).</translation>
    </message>
    <message>
        <source>Scenario resumed.</source>
        <translation>Skenario dilanjutkan.</translation>
    </message>
    <message>
        <source>Scenario paused: nothing rings until resumed.</source>
        <translation>Skenario dijeda: tidak ada panggilan masuk sampai dilanjutkan.</translation>
    </message>
    <message>
        <source>Scenario speed (now %1):</source>
        <translation>Kecepatan skenario (sekarang %1):</translation>
    </message>
    <message>
        <source>Scenario speed: %1.</source>
        <translation>Kecepatan skenario: %1.</translation>
    </message>
    <message>
        <source>Every call of the scenario has rung.</source>
        <translation>Semua panggilan skenario sudah masuk.</translation>
    </message>
    <message>
        <source>Ring which call now?</source>
        <translation>Sisipkan panggilan mana sekarang?</translation>
    </message>
    <message>
        <source>Call %1 has rung already.</source>
        <translation>Panggilan %1 sudah masuk.</translation>
    </message>
    <message>
        <source>Call %1 rings now.</source>
        <translation>Panggilan %1 masuk sekarang.</translation>
    </message>
    <message>
        <source>Select a call of the session first.</source>
        <translation>Pilih dulu panggilan sesi ini.</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 detik</translation>
    </message>
    <message>
        <source>Delay %1 by:</source>
        <translation>Tunda %1 selama:</translation>
    </message>
    <message>
        <source>%1 delayed by %2 s.</source>
        <translation>%1 ditunda %2 detik.</translation>
    </message>
    <message>
        <source>Take %1 out of service (a breakdown)?</source>
        <translation>Jadikan %1 tidak beroperasi (rusak)?</translation>
    </message>
    <message>
        <source>Out of service</source>
        <translation>Tidak beroperasi</translation>
    </message>
    <message>
        <source>%1 is out of service.</source>
        <translation>%1 tidak beroperasi.</translation>
    </message>
    <message>
        <source>No simulated units at this console.</source>
        <translation>Tidak ada unit simulasi di konsol ini.</translation>
    </message>
    <message>
        <source>End the scenario and score it?</source>
        <translation>Akhiri skenario dan nilai?</translation>
    </message>
    <message>
        <source>End and score</source>
        <translation>Akhiri dan nilai</translation>
    </message>
    <message>
        <source>Scenario ended and scored: %1 of %2 calls passed.</source>
        <translation>Skenario diakhiri dan dinilai: %1 dari %2 panggilan lulus.</translation>
    </message>
    <message>
        <source>No scenario loaded: random callers ring. Choose a scenario and the trainees, then Start (Ctrl+Shift+G).</source>
        <translation>Tidak ada skenario dimuat: panggilan acak masuk. Pilih skenario dan peserta, lalu Mulai (Ctrl+Shift+G).</translation>
    </message>
    <message>
        <source>%1: loaded, not started (Ctrl+Shift+G starts it).</source>
        <translation>%1: dimuat, belum dimulai (Ctrl+Shift+G memulainya).</translation>
    </message>
    <message>
        <source>%1: ended at %2 (Ctrl+Shift+Z scores it).</source>
        <translation>%1: berakhir pada %2 (Ctrl+Shift+Z menilainya).</translation>
    </message>
    <message>
        <source>%1: PAUSED at %2 of %3 (Ctrl+Shift+H resumes).</source>
        <translation>%1: DIJEDA pada %2 dari %3 (Ctrl+Shift+H melanjutkan).</translation>
    </message>
    <message>
        <source>%1: running, %2 of %3 at %4; calls still to ring: %5.</source>
        <translation>%1: berjalan, %2 dari %3 pada %4; panggilan yang belum masuk: %5.</translation>
    </message>
    <message>
        <source>No incident for this call yet.</source>
        <translation>Panggilan ini belum punya kejadian.</translation>
    </message>
    <message>
        <source>Answer the call first (F2): the caller answers questions.</source>
        <translation>Jawab panggilan dulu (F2): pelapor menjawab pertanyaan.</translation>
    </message>
    <message>
        <source>The caller has nothing to say to that.</source>
        <translation>Pelapor tidak punya jawaban untuk itu.</translation>
    </message>
    <message>
        <source>The caller: %1</source>
        <translation>Pelapor: %1</translation>
    </message>
    <message>
        <source>No answer.</source>
        <translation>Tidak diangkat.</translation>
    </message>
    <message>
        <source>The caller says: %1</source>
        <translation>Kata pelapor: %1</translation>
    </message>
    <message>
        <source> (running)</source>
        <translation> (berjalan)</translation>
    </message>
    <message>
        <source>No training session yet.</source>
        <translation>Belum ada sesi pelatihan.</translation>
    </message>
    <message>
        <source>Every trainee</source>
        <translation>Semua peserta</translation>
    </message>
    <message>
        <source>The session is still running: end and score it first (Ctrl+Shift+Z).</source>
        <translation>Sesi masih berjalan: akhiri dan nilai dulu (Ctrl+Shift+Z).</translation>
    </message>
    <message>
        <source>Scenario %1 is not on this console.</source>
        <translation>Skenario %1 tidak ada di konsol ini.</translation>
    </message>
    <message>
        <source>The session was ended without being scored.</source>
        <translation>Sesi diakhiri tanpa dinilai.</translation>
    </message>
    <message>
        <source>The scenario's file has changed since this session ran: what was expected is read from the file as it is now.</source>
        <translation>Berkas skenario telah berubah sejak sesi ini berjalan: yang diharapkan dibaca dari berkas seperti sekarang.</translation>
    </message>
    <message>
        <source>No debrief to save: choose a scored session (Ctrl+0).</source>
        <translation>Tidak ada evaluasi untuk disimpan: pilih sesi yang sudah dinilai (Ctrl+0).</translation>
    </message>
    <message>
        <source>Save the debrief as PDF</source>
        <translation>Simpan evaluasi sebagai PDF</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>Tidak disimpan: %1</translation>
    </message>
    <message>
        <source>Debrief saved: %1</source>
        <translation>Evaluasi disimpan: %1</translation>
    </message>
</context>
<context>
    <name>UnitBoard</name>
    <message>
        <source>%1 (%2 of %3 available)</source>
        <extracomment>A row of the board: an agency's heading, or a unit. Agencies in the board's order (that of AgencyType). A filter change needing more runs of rows removed or inserted than this is signalled as one layout change: each run is a pair of signals that every view and selection model follows (hundreds of scattered runs cost ~14 ms), a layout change one pair whatever the rows. Headings are bold on this shade (and say what they are: colour is not their only sign). What a heading asks of its first column's width: nothing (it spans the row); sizing the first column to its contents would otherwise fit the headings' long text, not the call signs.</extracomment>
        <translation>%1 (%2 dari %3 tersedia)</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Incident</source>
        <translation>Kejadian</translation>
    </message>
    <message>
        <source>Since</source>
        <translation>Sejak</translation>
    </message>
</context>
<context>
    <name>WatchList</name>
    <message>
        <source>Watch list</source>
        <translation>Daftar pantau</translation>
    </message>
    <message>
        <source>Enter the number.</source>
        <translation>Masukkan nomornya.</translation>
    </message>
    <message>
        <source>A withheld number cannot be flagged.</source>
        <translation>Nomor yang disembunyikan tidak dapat ditandai.</translation>
    </message>
    <message>
        <source>Say why (shown to the call-taker).</source>
        <translation>Sebutkan alasannya (ditampilkan ke operator).</translation>
    </message>
    <message>
        <source>At most 500 characters.</source>
        <translation>Maksimal 500 karakter.</translation>
    </message>
    <message>
        <source>Remove the control characters.</source>
        <translation>Hapus karakter kontrol.</translation>
    </message>
    <message>
        <source>This number already has this flag.</source>
        <translation>Nomor ini sudah memiliki tanda ini.</translation>
    </message>
    <message>
        <source>Only a supervisor changes the watch list.</source>
        <translation>Hanya koordinator yang dapat mengubah daftar pantau.</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Nomor</translation>
    </message>
    <message>
        <source>Flag</source>
        <translation>Tanda</translation>
    </message>
    <message>
        <source>Since</source>
        <translation>Sejak</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Alasan</translation>
    </message>
    <message>
        <source>Carrier / area</source>
        <translation>Provider/area</translation>
    </message>
    <message>
        <source>Lift the selected flag (Del)</source>
        <translation>Cabut tanda terpilih (Del)</translation>
    </message>
    <message>
        <source>Why (watch) or how and to whom the block was requested</source>
        <translation>Alasan (pantau) atau cara dan kepada siapa blokir diminta</translation>
    </message>
    <message>
        <source>&amp;Flag</source>
        <translation>&amp;Jenis tanda</translation>
    </message>
    <message>
        <source>&amp;Number</source>
        <translation>&amp;Nomor</translation>
    </message>
    <message>
        <source>&amp;Reason / note</source>
        <translation>&amp;Alasan / catatan</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>&amp;Tambah</translation>
    </message>
    <message>
        <source>Added: %1, %2.</source>
        <translation>Ditambahkan: %1, %2.</translation>
    </message>
    <message>
        <source>Select a flag to lift.</source>
        <translation>Pilih tanda yang akan dicabut.</translation>
    </message>
    <message>
        <source>Lifted: %1, %2.</source>
        <translation>Dicabut: %1, %2.</translation>
    </message>
</context>
</TS>