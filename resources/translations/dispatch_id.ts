<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="id_ID" sourcelanguage="en_GB">
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
        <source>The two passwords are not the same.</source>
        <translation>Kedua kata sandi tidak sama.</translation>
    </message>
    <message>
        <source>First start: create the supervisor account</source>
        <translation>Penggunaan pertama: buat akun koordinator</translation>
    </message>
    <message>
        <source>This database has no accounts yet. Create the first supervisor; the supervisor then adds the call-takers and dispatchers.</source>
        <translation>Basis data ini belum memiliki akun. Buat akun koordinator pertama; koordinator kemudian menambahkan operator dan petugas pengarah.</translation>
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
        <source>Log in: Call Center 112 (%1)</source>
        <translation>Masuk: Call Center 112 (%1)</translation>
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
        <source>Last login</source>
        <translation>Terakhir masuk</translation>
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
        <source>Account %1 added.</source>
        <translation>Akun %1 ditambahkan.</translation>
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
    <name>ChoiceBar</name>
    <message>
        <source>[Esc] Cancel</source>
        <translation>[Esc] Batal</translation>
    </message>
</context>
<context>
    <name>DispatchPanel</name>
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
        <translation>Uji menampilkan di sini apa yang diterjemahkan dari sumber, langsung. Tidak ada yang disimpan.</translation>
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
</context>
<context>
    <name>IncidentPanel</name>
    <message>
        <source>Too long: shorten this text.</source>
        <extracomment>How many earlier calls the one-line history counts (more shows as 20+).</extracomment>
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
        <translation>&amp;Nama penelepon</translation>
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
        <translation>Penelepon pelatihan berkata: %1</translation>
    </message>
    <message>
        <source>Number withheld: no call history.</source>
        <translation>Nomor disembunyikan: tidak ada riwayat panggilan.</translation>
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
        <source>✔ All changes saved (%1)</source>
        <translation>✔ Semua perubahan tersimpan (%1)</translation>
    </message>
    <message>
        <source>… Saving</source>
        <translation>… Menyimpan</translation>
    </message>
    <message>
        <source>✖ Not saved: correct the field marked in red</source>
        <translation>✖ Belum tersimpan: perbaiki kolom bertanda merah</translation>
    </message>
    <message>
        <source>Call from %1 answered; incident opened.</source>
        <translation>Panggilan dari %1 dijawab; kejadian dibuka.</translation>
    </message>
    <message>
        <source>Unit %1 dispatched.</source>
        <translation>Unit %1 dikirim.</translation>
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
        <source>New</source>
        <translation>Baru</translation>
    </message>
    <message>
        <source>Awaiting dispatch</source>
        <translation>Menunggu pengerahan</translation>
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
        <translation>Pasien diantar</translation>
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
        <translation>Tidak ada saat tiba</translation>
    </message>
    <message>
        <source>False alarm</source>
        <translation>Alarm palsu</translation>
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
        <translation>Petugas pengarah</translation>
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
        <source>Active incidents (Ctrl+2)</source>
        <translation>Kejadian aktif (Ctrl+2)</translation>
    </message>
    <message>
        <source>Units (Ctrl+3)</source>
        <translation>Unit (Ctrl+3)</translation>
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
        <source>&amp;Call</source>
        <translation>&amp;Panggilan</translation>
    </message>
    <message>
        <source>&amp;Incident</source>
        <translation>&amp;Kejadian</translation>
    </message>
    <message>
        <source>&amp;Dispatch</source>
        <translation>Penge&amp;rahan</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Tampilan</translation>
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
        <source>Answer the longest-ringing call</source>
        <translation>Jawab panggilan yang terlama berdering</translation>
    </message>
    <message>
        <source>Hang up the current call</source>
        <translation>Akhiri panggilan saat ini</translation>
    </message>
    <message>
        <source>Close the call as not an emergency</source>
        <translation>Tutup panggilan sebagai bukan darurat</translation>
    </message>
    <message>
        <source>Edit the incident form</source>
        <translation>Ubah formulir kejadian</translation>
    </message>
    <message>
        <source>Add a note to the narrative</source>
        <translation>Tambah catatan ke kronologi</translation>
    </message>
    <message>
        <source>Close the incident</source>
        <translation>Tutup kejadian</translation>
    </message>
    <message>
        <source>Choose units to dispatch</source>
        <translation>Pilih unit untuk dikirim</translation>
    </message>
    <message>
        <source>Move the unit to its next status</source>
        <translation>Pindahkan unit ke status berikutnya</translation>
    </message>
    <message>
        <source>Choose the unit's status</source>
        <translation>Pilih status unit</translation>
    </message>
    <message>
        <source>Go to calls</source>
        <translation>Ke daftar panggilan</translation>
    </message>
    <message>
        <source>Go to active incidents</source>
        <translation>Ke daftar kejadian aktif</translation>
    </message>
    <message>
        <source>Go to units</source>
        <translation>Ke daftar unit</translation>
    </message>
    <message>
        <source>User accounts</source>
        <translation>Akun pengguna</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Pengaturan</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Keluar</translation>
    </message>
    <message>
        <source>Acknowledge alarms</source>
        <translation>Konfirmasi alarm</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Pintasan keyboard</translation>
    </message>
    <message>
        <source>Enter</source>
        <translation>Enter</translation>
    </message>
    <message>
        <source>In calls: answer a ringing call or open its incident; in incidents: open it</source>
        <translation>Di panggilan: jawab panggilan berdering atau buka kejadiannya; di kejadian: buka kejadian</translation>
    </message>
    <message>
        <source>Space</source>
        <translation>Spasi</translation>
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
        <source>Tab / Shift+Tab</source>
        <translation>Tab / Shift+Tab</translation>
    </message>
    <message>
        <source>Next or previous field; each field saves as you leave it</source>
        <translation>Kolom berikutnya atau sebelumnya; tiap kolom tersimpan saat ditinggalkan</translation>
    </message>
    <message>
        <source>Esc</source>
        <translation>Esc</translation>
    </message>
    <message>
        <source>Cancel a one-key choice</source>
        <translation>Batalkan pilihan satu tombol</translation>
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
        <source>⚠ FEED DOWN: %1 since %2. Calls from it are not reaching this console.</source>
        <translation>⚠ SUMBER MATI: %1 sejak %2. Panggilan dari sumber ini tidak sampai ke konsol.</translation>
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
        <source>No call is ringing.</source>
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
        <source>No incident is open.</source>
        <translation>Tidak ada kejadian yang dibuka.</translation>
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
        <source>Incident %1 closed: %2.</source>
        <translation>Kejadian %1 ditutup: %2.</translation>
    </message>
    <message>
        <source>Dispatched: %1</source>
        <translation>Dikirim: %1</translation>
    </message>
    <message>
        <source>No assigned unit to move on.</source>
        <translation>Tidak ada unit ditugaskan untuk diubah statusnya.</translation>
    </message>
    <message>
        <source>Choose the status with Shift+F7.</source>
        <translation>Pilih status dengan Shift+F7.</translation>
    </message>
    <message>
        <source>No assigned unit selected.</source>
        <translation>Belum ada unit ditugaskan yang dipilih.</translation>
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
</context>
<context>
    <name>Refusal</name>
    <message>
        <source>Feed not understood</source>
        <translation>Sumber tidak dikenali</translation>
    </message>
    <message>
        <source>Database refused</source>
        <translation>Basis data ditolak</translation>
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
        <source>The console did not change the file.</source>
        <translation>Konsol tidak mengubah berkas ini.</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
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
        <source>&amp;Language</source>
        <translation>&amp;Bahasa</translation>
    </message>
    <message>
        <source>&amp;Console name</source>
        <translation>Nama &amp;konsol</translation>
    </message>
    <message>
        <source>&amp;Time zone</source>
        <translation>&amp;Zona waktu</translation>
    </message>
    <message>
        <source>&amp;Simulated calls per minute</source>
        <translation>Panggilan &amp;simulasi per menit</translation>
    </message>
    <message>
        <source>Feeds (caller-ID modems, Whozz Calling, NCID, Asterisk)</source>
        <translation>Sumber panggilan (modem caller-ID, Whozz Calling, NCID, Asterisk)</translation>
    </message>
    <message>
        <source>Changes take effect the next time the console starts.</source>
        <translation>Perubahan berlaku saat konsol dijalankan berikutnya.</translation>
    </message>
    <message>
        <source>Give this console a name, e.g. KONSOL-01.</source>
        <translation>Beri nama konsol ini, misalnya KONSOL-01.</translation>
    </message>
</context>
<context>
    <name>UnitBoard</name>
    <message>
        <source>%1 (%2 of %3 available)</source>
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
</TS>