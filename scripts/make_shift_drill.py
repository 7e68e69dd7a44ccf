# ruff: noqa: E501
"""Write the 30-minute shift drill, ``resources/scenarios/shift-drill-30.json``.

    python scripts/make_shift_drill.py [--check]

The drill is 40 scripted calls in Semarang's real mix (DOMAIN.md: 38.6 % of 2025's calls were prank or
ghost calls): 19 emergencies of the common categories, 9 pranks (one caller rings three times), 7 silent
calls, 2 information requests, 2 calls abandoned before answer and 1 wrong number; 16 of 40 (40 %) are
prank or silent. The calls come in a shuffled order at offsets drawn from a fixed seed, bunched between
minutes 13 and 17 as a real evening peak is, so every run of the generator writes the same file.

Priorities are not typed here: each emergency's priority is its category's default
(``resources/catalogue/categories.json``) raised by the protocol-card answers its caller gives
(``resources/protocols/*.json``), as the console raises it; an answer whose label is not on the card
stops the script. ``--check`` writes nothing and exits 1 when the shipped file differs from what the
script makes.

The other shipped scenarios are edited by hand; the helpers here (:func:`words`, :func:`emergency`,
:func:`other`, :func:`dumps`) are a quick way to write a new one in the same layout.
"""

from __future__ import annotations

import json
import random
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SCENARIOS = ROOT / "resources" / "scenarios"
DRILL_ID = "shift-drill-30"
#: Chosen among the first 200 seeds so that an emergency rings first and no more than three other calls
#: come between two emergencies.
DRILL_SEED = 26
DRILL_SECONDS = 1800
#: The last call rings this long before the drill's end, so it can still be handled.
LAST_CALL_BEFORE_END = 150

Json = dict[str, Any]

# Words a trainee types into the narrative that make the caller give each kind of fact.
ADDRESS_WORDS = ["alamat", "di mana", "dimana", "lokasi", "address", "where", "location"]
NAME_WORDS = ["nama", "name", "siapa"]
NUMBER_WORDS = ["nomor", "no hp", "telepon", "number", "phone"]
WHAT_WORDS = ["apa yang terjadi", "kejadian", "kronologi", "lihat", "what happened", "see"]
LANDMARK_WORDS = ["patokan", "landmark", "dekat apa", "near"]
# A caller with a smartphone can share the phone's position (as centres ask callers to over WhatsApp).
SHARE_LOCATION_WORDS = [
    "share lokasi",
    "shareloc",
    "koordinat",
    "titik",
    "gps",
    "coordinates",
    "share location",
    "pin",
]


def words(indonesian: str, english: str) -> Json:
    """One text in both languages."""
    return {"id": indonesian, "en": english}


def keyword(key: str, trigger: list[str], indonesian: str, english: str) -> Json:
    return {"key": key, "words": list(trigger), "reply": words(indonesian, english)}


def caller_keywords(
    address: tuple[str, str],
    name: tuple[str, str],
    number: tuple[str, str],
    what: tuple[str, str],
    landmark: tuple[str, str] | None = None,
) -> list[Json]:
    """The four groups every emergency caller answers (address, name, callback number, what they see)."""
    groups = [
        keyword("address", ADDRESS_WORDS, *address),
        keyword("name", NAME_WORDS, *name),
        keyword("number", NUMBER_WORDS, *number),
        keyword("what", WHAT_WORDS, *what),
    ]
    if landmark is not None:
        groups.append(keyword("landmark", LANDMARK_WORDS, *landmark))
    return groups


def _load(path: Path) -> Any:
    return json.loads(path.read_text(encoding="utf-8"))


_CATEGORIES = {row["code"]: row for row in _load(ROOT / "resources/catalogue/categories.json")["categories"]}
_CARDS: dict[str, dict[str, dict[str, str | None]]] = {}
for _card_path in sorted((ROOT / "resources/protocols").glob("*.json")):
    _card = _load(_card_path)
    _CARDS[_card["category"]] = {
        question["id"]: {answer["label"]["en"]: answer.get("priority") for answer in question["answers"]}
        for question in _card["questions"]
    }


def raised_priority(category: str, answers: dict[str, tuple[str, str, str]]) -> str:
    """The category's default priority raised by the card answers (label in English) the caller gives."""
    priority = str(_CATEGORIES[category]["default_priority"])
    card = _CARDS.get(category, {})
    for question, (label, _indonesian, _english) in answers.items():
        if question not in card or label not in card[question]:
            raise SystemExit(f"{category}: no answer {label!r} to question {question!r} on the card")
        raised = card[question][label]
        if raised is not None and raised < priority:
            priority = raised
    return priority


def emergency(
    key: str,
    *,
    number: str,
    name: str | None,
    patience: int,
    opening: tuple[str, str],
    answers: dict[str, tuple[str, str, str]],
    keywords: list[Json],
    category: str,
    area_code: str,
    point: tuple[float, float],
    agencies: dict[str, int],
    questions: list[str],
    fields: list[str],
    on_scene: tuple[str, str] | None = None,
    at: int = 0,
    budget: dict[str, int] | None = None,
    silent_until_callback: tuple[str, str] | None = None,
    share_location: bool = True,
) -> Json:
    """A scripted emergency call. ``answers``: question id -> (the card's answer label in English, what the
    caller says in Indonesian, in English). ``silent_until_callback``: the caller is silent on answer and
    says this when called back (the call is classed silent, the callback opens the emergency).
    ``share_location``: asked for it, the caller reads out the point (scoring wants it within 100 m)."""
    missing = [question for question in questions if question not in answers]
    if missing:
        raise SystemExit(f"{key}: required questions without an answer: {missing}")
    truth: Json = {"class": "emergency"}
    if silent_until_callback is not None:
        truth = {"class": "silent", "after_callback": "emergency"}
    truth.update(
        {
            "category": category,
            "priority": raised_priority(category, answers),
            "area_code": area_code,
            "point": [point[0], point[1]],
            "agencies": agencies,
            "questions": questions,
            "fields": fields,
        }
    )
    if share_location:
        latitude, longitude = f"{point[0]:.5f}", f"{point[1]:.5f}"
        keywords = [
            *keywords,
            keyword(
                "coordinates",
                SHARE_LOCATION_WORDS,
                f"Ini titik dari HP saya: {latitude}, {longitude}.",
                f"Here's the pin from my phone: {latitude}, {longitude}.",
            ),
        ]
    script: Json = {
        "opening": None if silent_until_callback is not None else words(*opening),
        "answers": {question: words(said[1], said[2]) for question, said in answers.items()},
        "keywords": keywords,
    }
    if silent_until_callback is not None:
        script["callback"] = words(*silent_until_callback)
    call: Json = {"key": key, "at_seconds": at, "number": number}
    if name:
        call["name"] = name
    call.update({"patience_seconds": patience, "script": script, "truth": truth})
    if budget is not None:
        call["budget"] = budget
    if on_scene is not None:
        call["on_scene_report"] = words(*on_scene)
    return call


def other(
    key: str,
    call_class: str,
    *,
    number: str,
    name: str | None = None,
    patience: int,
    opening: tuple[str, str] | None,
    keywords: list[Json] | None = None,
    callback: tuple[str, str] | None = None,
    at: int = 0,
) -> Json:
    """A scripted call that is not an emergency (information, prank, silent, abandoned, wrong number)."""
    script: Json = {"opening": None if opening is None else words(*opening)}
    if keywords:
        script["keywords"] = keywords
    if callback is not None:
        script["callback"] = words(*callback)
    call: Json = {"key": key, "at_seconds": at, "number": number}
    if name:
        call["name"] = name
    call.update({"patience_seconds": patience, "script": script, "truth": {"class": call_class}})
    return call


def scenario(
    scenario_id: str,
    *,
    title: tuple[str, str],
    summary: tuple[str, str],
    competencies: list[str],
    seed: int,
    duration: int,
    calls: list[Json],
    surges: list[Json] | None = None,
) -> Json:
    document: Json = {
        "format": "dispatch-scenario/1",
        "id": scenario_id,
        "title": words(*title),
        "summary": words(*summary),
        "competencies": competencies,
        "seed": seed,
        "duration_seconds": duration,
        "calls": calls,
    }
    if surges:
        document["surges"] = surges
    return document


#: A list or object is written on one line when the line stays this short (as a person writes the file).
LINE_WIDTH = 120


def dumps(document: Json) -> str:
    """JSON with two-space indents; short lists and objects (a text's two languages, a point, a truth of
    one class) on one line."""
    return _dump(document, 0, "") + "\n"


def _dump(value: Any, depth: int, prefix: str) -> str:
    inline = json.dumps(value, ensure_ascii=False)
    if (
        not isinstance(value, dict | list)
        or not value
        or 2 * depth + len(prefix) + len(inline) + 1 <= LINE_WIDTH
    ):
        return inline
    pad = "  " * (depth + 1)
    if isinstance(value, dict):
        items = [
            pad + json.dumps(key, ensure_ascii=False) + ": " + _dump(item, depth + 1, json.dumps(key) + ": ")
            for key, item in value.items()
        ]
        return "{\n" + ",\n".join(items) + "\n" + "  " * depth + "}"
    items = [pad + _dump(item, depth + 1, "") for item in value]
    return "[\n" + ",\n".join(items) + "\n" + "  " * depth + "]"


# --- The drill's calls ---------------------------------------------------------------------------------

NAME_ADDRESS = ["caller_name", "street", "landmark"]
REPEAT_PRANKSTER = "089612345078"


def _emergencies() -> list[Json]:
    return [
        emergency(
            "med-faint-pasar",
            number="081325067781",
            name="SRI WAHYUNI",
            patience=120,
            opening=(
                "Halo, 112? Tolong Mas, ada bapak-bapak pingsan di Pasar Johar, di los ikan. Nggak bangun-bangun.",
                "Hello, 112? Please help, a man has fainted in Pasar Johar, in the fish hall. He won't wake up.",
            ),
            answers={
                "conscious": (
                    "No",
                    "Nggak sadar, Mas, dipanggil-panggil diam saja.",
                    "He's not conscious, we call him and he doesn't respond.",
                ),
                "breathing": (
                    "Yes",
                    "Napas, napas. Dadanya naik turun.",
                    "He's breathing, his chest is going up and down.",
                ),
                "age": ("Adult", "Kira-kira lima puluhan, Mas.", "About fifty or so."),
            },
            keywords=caller_keywords(
                (
                    "Pasar Johar, Jalan Agus Salim, masuk dari pintu selatan, los ikan.",
                    "Pasar Johar, Jalan Agus Salim, in through the south gate, the fish hall.",
                ),
                ("Saya Sri Wahyuni, pedagang di sini.", "I'm Sri Wahyuni, I trade here."),
                ("Nomor saya ini, 0813 2506 7781.", "This number, 0813 2506 7781."),
                (
                    "Tadi angkat keranjang terus jatuh begitu saja.",
                    "He was lifting a basket and just dropped.",
                ),
            ),
            category="MED",
            area_code="33.74.01.1010",
            point=(-6.9688, 110.4232),
            agencies={"medical": 1},
            questions=["conscious", "breathing"],
            fields=NAME_ADDRESS,
            on_scene=(
                "Pasien sadar kembali, dibawa ke RSUP Kariadi.",
                "Patient came round, taken to Kariadi hospital.",
            ),
        ),
        emergency(
            "med-breathless-elder",
            number="0247472315",
            name=None,
            patience=150,
            opening=(
                "Selamat malam. Ibu saya sesak napas, sudah nggak kuat ngomong. Tolong kirim ambulans.",
                "Good evening. My mother is short of breath, she can't even talk any more. Please send an ambulance.",
            ),
            answers={
                "conscious": ("Yes", "Sadar, tapi lemas sekali.", "She's conscious, but very weak."),
                "chest_pain": (
                    "Yes",
                    "Iya, katanya dadanya berat, napasnya ngik-ngik.",
                    "Yes, she says her chest is heavy, she's wheezing.",
                ),
                "age": ("Elderly (over 65)", "Tujuh puluh dua tahun.", "Seventy-two."),
            },
            keywords=caller_keywords(
                (
                    "Jalan Tlogosari Raya I nomor 27, RT 04 RW 06, Tlogosari Kulon.",
                    "Jalan Tlogosari Raya I number 27, RT 04 RW 06, Tlogosari Kulon.",
                ),
                ("Saya Heru, anaknya.", "I'm Heru, her son."),
                ("Telepon rumah ini, 024 7472315.", "This home phone, 024 7472315."),
                (
                    "Dari sore batuk terus, sekarang napasnya pendek-pendek, bibirnya agak biru.",
                    "Coughing since the afternoon, now short breaths, her lips are a bit blue.",
                ),
                (
                    "Dekat masjid Al-Ikhlas, rumah pagar hijau.",
                    "Near the Al-Ikhlas mosque, the house with the green fence.",
                ),
            ),
            category="MED",
            area_code="33.74.06.1004",
            point=(-6.9788, 110.4563),
            agencies={"medical": 1},
            questions=["conscious", "chest_pain", "age"],
            fields=["caller_name", "callback_number", "street", "house_number", "rt", "rw"],
        ),
        emergency(
            "med-child-seizure",
            number="+6285741230981",
            name="DEWI LESTARI",
            patience=120,
            opening=(
                "Pak tolong, anak saya kejang-kejang! Panasnya tinggi dari kemarin!",
                "Sir, please, my child is having a fit! He's had a high fever since yesterday!",
            ),
            answers={
                "conscious": (
                    "No",
                    "Matanya melotot ke atas, nggak nyaut dipanggil.",
                    "His eyes are rolled up, he doesn't answer when I call him.",
                ),
                "breathing": ("Yes", "Napas, Pak, tapi cepat.", "He's breathing, but fast."),
                "age": ("Baby or child (under 12)", "Dua tahun.", "Two years old."),
            },
            keywords=caller_keywords(
                (
                    "Perumahan Bukit Kencana Jaya, Blok F nomor 12, Meteseh, Tembalang.",
                    "Bukit Kencana Jaya estate, block F number 12, Meteseh, Tembalang.",
                ),
                ("Dewi, ibunya.", "Dewi, his mother."),
                ("Nomor ini, 0857 4123 0981.", "This number, 0857 4123 0981."),
                (
                    "Tadi tidur terus tiba-tiba kaku, kejang, sudah dua menitan.",
                    "He was asleep and suddenly went stiff and started fitting, about two minutes now.",
                ),
            ),
            category="MED",
            area_code="33.74.10.1001",
            point=(-7.0712, 110.4648),
            agencies={"medical": 1},
            questions=["conscious", "breathing", "age"],
            fields=["caller_name", "street", "house_number"],
        ),
        emergency(
            "laka-motor-gombel",
            number="082138845120",
            name=None,
            patience=120,
            opening=(
                "Mas, ada kecelakaan di turunan Gombel, motor nabrak pembatas jalan. Orangnya tergeletak.",
                "There's an accident on the Gombel descent, a motorbike hit the barrier. The rider is lying on the road.",
            ),
            answers={
                "injured": (
                    "Yes",
                    "Luka, kakinya berdarah, helmnya pecah.",
                    "Yes, his leg is bleeding, his helmet is cracked.",
                ),
                "conscious": ("Yes", "Sadar, dia merintih.", "He's conscious, he's groaning."),
                "vehicles": (
                    "One",
                    "Satu motor saja, jatuh sendiri.",
                    "Just the one motorbike, he fell on his own.",
                ),
                "trapped": ("No", "Nggak, sudah di pinggir jalan.", "No, he's at the side of the road."),
            },
            keywords=caller_keywords(
                (
                    "Jalan Setiabudi, turunan Gombel arah ke bawah, dekat tikungan depan rumah makan.",
                    "Jalan Setiabudi, the Gombel descent going down, at the bend by the restaurant.",
                ),
                ("Saya Andi, lewat saja tadi.", "I'm Andi, I was just passing."),
                ("Nomor saya 0821 3884 5120.", "My number is 0821 3884 5120."),
                (
                    "Remnya kayaknya blong, motornya nyelonong ke pembatas.",
                    "His brakes seem to have failed, the bike shot into the barrier.",
                ),
            ),
            category="LAKA",
            area_code="33.74.11.1009",
            point=(-7.0352, 110.4178),
            agencies={"medical": 1, "police": 1},
            questions=["injured", "conscious", "vehicles"],
            fields=["street", "landmark"],
        ),
        emergency(
            "laka-car-bus-kaligawe",
            number="081390027745",
            name="EKO PRASETYO",
            patience=120,
            opening=(
                "112? Ada tabrakan mobil sama bus di Kaligawe, depan RSI Sultan Agung. Macet total.",
                "112? A car and a bus have crashed on Kaligawe, in front of Sultan Agung hospital. Traffic is at a standstill.",
            ),
            answers={
                "injured": ("Yes", "Sopir mobilnya luka di kepala.", "The car driver has a head wound."),
                "trapped": ("No", "Sudah keluar sendiri.", "He got out by himself."),
                "conscious": ("Yes", "Sadar, duduk di trotoar.", "Conscious, sitting on the pavement."),
                "vehicles": ("Two", "Dua, mobil sama bus kota.", "Two, a car and a city bus."),
                "fire_fuel": ("No", "Nggak ada api.", "No fire."),
            },
            keywords=caller_keywords(
                (
                    "Jalan Kaligawe Raya, depan RSI Sultan Agung, jalur arah Demak.",
                    "Jalan Kaligawe Raya, in front of Sultan Agung hospital, the lane towards Demak.",
                ),
                ("Eko.", "Eko."),
                ("0813 9002 7745.", "0813 9002 7745."),
                (
                    "Busnya nyerempet mobil waktu pindah jalur.",
                    "The bus sideswiped the car when it changed lanes.",
                ),
            ),
            category="LAKA",
            area_code="33.74.05.1012",
            point=(-6.9553, 110.4585),
            agencies={"medical": 1, "police": 1},
            questions=["injured", "trapped", "vehicles"],
            fields=["street", "landmark"],
        ),
        emergency(
            "laka-fender-bender",
            number="087832240016",
            name=None,
            patience=90,
            opening=(
                "Mbak, mau lapor, ada senggolan mobil di Jalan Pemuda, dua-duanya ribut, jalannya jadi macet.",
                "I want to report two cars bumped on Jalan Pemuda, both drivers are arguing and the road is jammed.",
            ),
            answers={
                "injured": ("No", "Nggak ada yang luka, cuma penyok.", "Nobody hurt, just dents."),
                "vehicles": ("Two", "Dua mobil.", "Two cars."),
            },
            keywords=caller_keywords(
                (
                    "Jalan Pemuda, depan Paragon, arah ke Tugu Muda.",
                    "Jalan Pemuda, in front of Paragon mall, towards Tugu Muda.",
                ),
                ("Rudi.", "Rudi."),
                ("0878 3224 0016.", "0878 3224 0016."),
                (
                    "Mobilnya berhenti di tengah jalan, orangnya adu mulut.",
                    "The cars are stopped in the middle of the road and the drivers are shouting.",
                ),
            ),
            category="LAKA",
            area_code="33.74.01.1007",
            point=(-6.9830, 110.4138),
            agencies={"police": 1},
            questions=["injured"],
            fields=["street"],
        ),
        emergency(
            "fire-warung",
            number="089523310874",
            name=None,
            patience=150,
            opening=(
                "Damkar! Tolong, warung sebelah kebakaran, apinya sudah ke atap!",
                "Fire brigade! Help, the stall next door is on fire, the flames are up to the roof!",
            ),
            answers={
                "people_inside": ("No", "Sudah keluar semua, Mas.", "Everybody is out."),
                "what_burns": (
                    "A shop, factory or building",
                    "Warung makan, pakai atap seng sama kayu.",
                    "A food stall, a tin and timber roof.",
                ),
                "gas": (
                    "Yes",
                    "Ada, tabung elpiji tiga kilo banyak di dalam!",
                    "Yes, lots of three-kilo LPG bottles inside!",
                ),
                "spreading": (
                    "No",
                    "Belum, tapi rumah sebelahnya mepet.",
                    "Not yet, but the house next to it is very close.",
                ),
            },
            keywords=caller_keywords(
                (
                    "Jalan Prof. Hamka, Ngaliyan, sebelah pom bensin, warung penyetan.",
                    "Jalan Prof. Hamka, Ngaliyan, next to the petrol station, the fried-food stall.",
                ),
                ("Bambang.", "Bambang."),
                ("0895 2331 0874.", "0895 2331 0874."),
                (
                    "Katanya kompornya meledak waktu goreng.",
                    "They say the stove flared up while they were frying.",
                ),
            ),
            category="FIRE",
            area_code="33.74.15.1007",
            point=(-6.9972, 110.3468),
            agencies={"fire": 1, "disaster": 1},
            questions=["people_inside", "what_burns", "gas"],
            fields=["street", "landmark"],
            on_scene=(
                "Api di warung padam, tiga tabung elpiji diamankan.",
                "Stall fire out, three LPG bottles made safe.",
            ),
        ),
        emergency(
            "crim-snatch",
            number="081228890143",
            name="PUTRI AYU LESTARI",
            patience=120,
            opening=(
                "Halo... saya barusan dijambret, tas saya dibawa lari orang naik motor.",
                "Hello... I've just been robbed, a man on a motorbike snatched my bag and rode off.",
            ),
            answers={
                "ongoing": (
                    "No",
                    "Sudah kabur, Pak, ke arah Jalan Ahmad Yani.",
                    "He's gone, towards Jalan Ahmad Yani.",
                ),
                "weapon": ("No", "Nggak lihat senjata.", "I didn't see a weapon."),
                "injured": (
                    "No",
                    "Cuma lecet di tangan, nggak apa-apa.",
                    "Just a scrape on my hand, I'm fine.",
                ),
                "caller_safe": ("Yes", "Saya di pos satpam sekarang.", "I'm at the security post now."),
            },
            keywords=caller_keywords(
                (
                    "Simpang Lima, depan Masjid Raya Baiturrahman.",
                    "Simpang Lima, in front of the Baiturrahman mosque.",
                ),
                ("Putri.", "Putri."),
                ("Ini HP teman, 0812 2889 0143.", "This is my friend's phone, 0812 2889 0143."),
                (
                    "Motornya Vario hitam, dua orang, yang belakang pakai jaket merah.",
                    "A black Vario scooter, two men, the pillion in a red jacket.",
                ),
            ),
            category="CRIM",
            area_code="33.74.01.1013",
            point=(-6.9900, 110.4212),
            agencies={"police": 1},
            questions=["ongoing", "weapon", "injured"],
            fields=["caller_name", "callback_number", "landmark"],
        ),
        emergency(
            "hewan-snake-kitchen",
            number="085640091237",
            name=None,
            patience=120,
            opening=(
                "Mas, ada ular masuk dapur saya, besar, hitam. Saya takut, anak-anak di rumah.",
                "There's a snake in my kitchen, big and black. I'm scared, the children are at home.",
            ),
            answers={
                "animal": (
                    "Snake",
                    "Ular, panjang kira-kira semeter lebih.",
                    "A snake, more than a metre long.",
                ),
                "bitten": ("No", "Belum, belum ada yang digigit.", "No, nobody has been bitten."),
                "venomous": (
                    "Don't know",
                    "Nggak tahu jenisnya, Mas, pokoknya hitam, besar.",
                    "I don't know what kind, it's black and big.",
                ),
                "inside": (
                    "Yes",
                    "Di dalam rumah, di bawah lemari dapur.",
                    "Inside the house, under the kitchen cupboard.",
                ),
            },
            keywords=caller_keywords(
                (
                    "Jalan Sendangmulyo Raya, gang Delima nomor 5, Tembalang.",
                    "Jalan Sendangmulyo Raya, Delima lane number 5, Tembalang.",
                ),
                ("Nurul.", "Nurul."),
                ("0856 4009 1237.", "0856 4009 1237."),
                (
                    "Anak-anak sudah saya suruh keluar, ularnya diam di bawah lemari.",
                    "I've sent the children outside, the snake is keeping still under the cupboard.",
                ),
            ),
            category="HEWAN",
            area_code="33.74.10.1011",
            point=(-7.0402, 110.4668),
            agencies={"fire": 1},
            questions=["animal", "bitten", "venomous", "inside"],
            fields=["street", "house_number"],
        ),
        emergency(
            "hewan-wasp-school",
            number="0246715540",
            name="SD NEGERI SAMPANGAN",
            patience=120,
            opening=(
                "Selamat siang, dari SD Sampangan. Ada sarang tawon besar di pohon depan kelas, anak-anak takut.",
                "Good afternoon, this is Sampangan primary school. There's a big wasp nest in the tree in front of the classrooms, the children are scared.",
            ),
            answers={
                "animal": (
                    "Wasp or bee nest",
                    "Tawon ndas, sarangnya sebesar ember.",
                    "Hornets, the nest is as big as a bucket.",
                ),
                "bitten": ("No", "Belum ada yang disengat.", "Nobody has been stung yet."),
                "inside": (
                    "Yes",
                    "Dekat sekali dengan kelas, anak-anak banyak.",
                    "Very close to the classrooms, lots of children.",
                ),
            },
            keywords=caller_keywords(
                (
                    "Jalan Menoreh Raya, SD Negeri Sampangan, Gajahmungkur.",
                    "Jalan Menoreh Raya, Sampangan state primary school, Gajahmungkur.",
                ),
                ("Saya Pak Sutrisno, penjaga sekolah.", "I'm Mr Sutrisno, the school caretaker."),
                ("Telepon sekolah, 024 6715540.", "The school phone, 024 6715540."),
                (
                    "Tawonnya keluar masuk kelas, anak-anak sudah kami kumpulkan di aula.",
                    "The hornets fly in and out of the classrooms; we've gathered the children in the hall.",
                ),
            ),
            category="HEWAN",
            area_code="33.74.09.1004",
            point=(-7.0031, 110.3957),
            agencies={"fire": 1},
            questions=["animal", "bitten", "inside"],
            fields=["caller_name", "street"],
        ),
        emergency(
            "pohon-road",
            number="081575528806",
            name=None,
            patience=120,
            opening=(
                "Pak, pohon asem besar tumbang di Jalan Dr. Wahidin, nutup jalan.",
                "A big tamarind tree has come down on Jalan Dr. Wahidin, it's blocking the road.",
            ),
            answers={
                "people_hit": ("No", "Nggak ada yang ketiban, untung.", "Luckily nobody was hit."),
                "power_lines": ("No", "Kabelnya aman, nggak kena.", "The cables are fine, it missed them."),
                "blocking": (
                    "Yes",
                    "Nutup dua jalur, mobil nggak bisa lewat.",
                    "It blocks both lanes, cars can't get past.",
                ),
            },
            keywords=caller_keywords(
                (
                    "Jalan Dr. Wahidin, tanjakan dekat Kaliwiru.",
                    "Jalan Dr. Wahidin, on the hill near Kaliwiru.",
                ),
                ("Joko.", "Joko."),
                ("0815 7552 8806.", "0815 7552 8806."),
                ("Habis hujan angin tadi langsung roboh.", "It fell right after the wind and rain."),
            ),
            category="POHON",
            area_code="33.74.08.1003",
            point=(-7.0118, 110.4198),
            agencies={"disaster": 1, "fire": 1},
            questions=["people_hit", "power_lines", "blocking"],
            fields=["street"],
        ),
        emergency(
            "benc-rob",
            number="088226514409",
            name=None,
            patience=150,
            opening=(
                "Mas, rob naik lagi di Tambaklorok, air sudah masuk rumah selutut. Ada mbah-mbah nggak bisa jalan.",
                "The tidal flood is up again in Tambaklorok, water is knee-deep in the houses. There's an old lady who can't walk.",
            ),
            answers={
                "kind": ("Flood", "Banjir rob, Mas, air laut.", "Tidal flooding, sea water."),
                "trapped": (
                    "No",
                    "Nggak terjebak, tapi mbahnya nggak bisa jalan sendiri.",
                    "Not trapped, but the old lady can't walk on her own.",
                ),
                "in_water": ("No", "Nggak ada yang hanyut.", "Nobody's been swept away."),
                "evacuation": (
                    "Yes",
                    "Perlu, Mas, mbahnya harus dipindah.",
                    "Yes, the old lady has to be moved.",
                ),
            },
            keywords=caller_keywords(
                (
                    "Kampung Tambaklorok, RT 05 RW 15, Tanjung Mas, dekat dermaga perahu.",
                    "Tambaklorok village, RT 05 RW 15, Tanjung Mas, near the boat jetty.",
                ),
                ("Saya Slamet, ketua RT.", "I'm Slamet, the neighbourhood head."),
                ("0882 2651 4409.", "0882 2651 4409."),
                (
                    "Tanggulnya rembes, air masuk terus.",
                    "The sea wall is seeping, the water keeps coming in.",
                ),
            ),
            category="BENC",
            area_code="33.74.02.1008",
            point=(-6.9498, 110.4351),
            agencies={"disaster": 1},
            questions=["kind", "evacuation"],
            fields=["caller_name", "rt", "rw", "landmark"],
        ),
        emergency(
            "tawur-students",
            number="P",
            name=None,
            patience=120,
            opening=(
                "Pak polisi, ada tawuran anak sekolah di Jalan Majapahit, lempar-lemparan batu!",
                "Police, there's a school brawl on Jalan Majapahit, they're throwing stones!",
            ),
            answers={
                "weapon": (
                    "Yes",
                    "Ada yang bawa celurit, Pak, saya lihat.",
                    "Some of them have sickles, I saw them.",
                ),
                "injured": ("Don't know", "Belum tahu, rame banget.", "I don't know, it's chaos."),
                "crowd": ("10 to 50", "Ada tiga puluhan anak.", "About thirty kids."),
                "ongoing": ("Yes", "Masih, Pak!", "Still going on!"),
            },
            keywords=caller_keywords(
                (
                    "Jalan Majapahit, dekat lampu merah Pedurungan, depan dealer motor.",
                    "Jalan Majapahit, near the Pedurungan traffic lights, in front of the motorbike dealer.",
                ),
                ("Nggak usah nama ya, Pak.", "I'd rather not give my name."),
                (
                    "Nomor saya? 0819 0445 7732. Tolong cepat, Pak.",
                    "My number? 0819 0445 7732. Please hurry.",
                ),
                (
                    "Dua kelompok, pakai seragam, satu dari arah timur.",
                    "Two groups in school uniform, one came from the east.",
                ),
            ),
            category="TAWUR",
            area_code="33.74.06.1010",
            point=(-6.9998, 110.4612),
            agencies={"police": 2},
            questions=["weapon", "crowd", "ongoing"],
            fields=["callback_number", "street", "landmark"],
        ),
        emergency(
            "kdrt-neighbour",
            number="085290314456",
            name=None,
            patience=150,
            opening=(
                "Mbak, tetangga saya dipukuli suaminya lagi, teriak-teriak minta tolong. Saya nggak berani masuk.",
                "My neighbour is being beaten by her husband again, she's screaming for help. I don't dare go in.",
            ),
            answers={
                "abuser_present": (
                    "Yes",
                    "Suaminya masih di dalam, masih marah-marah.",
                    "The husband is still inside, still shouting.",
                ),
                "weapon": ("No", "Nggak kelihatan bawa apa-apa.", "I can't see him holding anything."),
                "child": (
                    "Yes",
                    "Ada anaknya kecil, nangis terus.",
                    "There's a little child, crying and crying.",
                ),
                "injured": (
                    "Don't know",
                    "Nggak tahu, nggak kelihatan dari sini.",
                    "I don't know, I can't see from here.",
                ),
            },
            keywords=caller_keywords(
                (
                    "Gang Kenari 3, Kemijen, Semarang Timur, rumah cat kuning paling ujung.",
                    "Kenari lane 3, Kemijen, East Semarang, the yellow house at the end.",
                ),
                (
                    "Jangan sebut nama saya, ya Mbak. Saya tetangganya.",
                    "Please don't give my name. I'm the neighbour.",
                ),
                ("0852 9031 4456.", "0852 9031 4456."),
                (
                    "Dengar suara barang dibanting, istrinya nangis minta ampun.",
                    "I can hear things being smashed, the wife crying and begging.",
                ),
            ),
            category="KDRT",
            area_code="33.74.03.1001",
            point=(-6.9618, 110.4352),
            agencies={"police": 1, "social": 1},
            questions=["abuser_present", "weapon", "child"],
            fields=["street", "landmark"],
        ),
        emergency(
            "listr-cable",
            number="081229954310",
            name=None,
            patience=120,
            opening=(
                "Mas, kabel listrik putus jatuh ke jalan, masih ada percikan apinya!",
                "A power cable has snapped and fallen onto the road, it's still sparking!",
            ),
            answers={
                "person_contact": ("No", "Belum ada yang kena.", "Nobody's touched it."),
                "sparks": (
                    "Yes",
                    "Iya, nyetrum-nyetrum, keluar api kecil.",
                    "Yes, it's crackling with little flames.",
                ),
                "cable_down": ("Yes", "Kabelnya melintang di jalan.", "The cable is lying across the road."),
            },
            keywords=caller_keywords(
                (
                    "Jalan Brigjen Sudiarto, depan pasar Pedurungan.",
                    "Jalan Brigjen Sudiarto, in front of Pedurungan market.",
                ),
                ("Agus.", "Agus."),
                ("0812 2995 4310.", "0812 2995 4310."),
                ("Kena dahan pohon tadi, terus putus.", "A branch hit it and it snapped."),
            ),
            category="LISTR",
            area_code="33.74.06.1008",
            point=(-7.0013, 110.4702),
            agencies={"utility": 1, "fire": 1},
            questions=["person_contact", "sparks", "cable_down"],
            fields=["street", "landmark"],
        ),
        emergency(
            "air-pipe",
            number="0248315502",
            name="TOKO SUMBER REJEKI",
            patience=90,
            opening=(
                "Selamat sore, mau lapor pipa PDAM pecah di depan toko saya, airnya muncrat ke jalan.",
                "Good afternoon, I want to report a burst water main in front of my shop, water is spraying onto the road.",
            ),
            answers={},
            keywords=caller_keywords(
                (
                    "Jalan Pandanaran, dekat toko oleh-oleh, depan Toko Sumber Rejeki.",
                    "Jalan Pandanaran, by the souvenir shops, in front of Sumber Rejeki shop.",
                ),
                ("Lina.", "Lina."),
                ("024 8315502.", "024 8315502."),
                (
                    "Airnya sampai setinggi pagar, jalannya banjir.",
                    "The water sprays as high as the fence, the road is flooded.",
                ),
            ),
            category="AIR",
            area_code="33.74.07.1001",
            point=(-6.9866, 110.4163),
            agencies={"utility": 1},
            questions=[],
            fields=["street", "landmark"],
        ),
        emergency(
            "jenaz-request",
            number="081326778120",
            name=None,
            patience=90,
            opening=(
                "Assalamualaikum. Bapak saya meninggal tadi pagi di rumah, mau minta mobil jenazah untuk ke makam Bergota.",
                "Peace be upon you. My father passed away at home this morning, I'd like to ask for a hearse to Bergota cemetery.",
            ),
            answers={},
            keywords=caller_keywords(
                (
                    "Jalan Wonodri Sendang Raya nomor 9, Semarang Selatan.",
                    "Jalan Wonodri Sendang Raya number 9, South Semarang.",
                ),
                ("Saya Rahmat, anaknya.", "I'm Rahmat, his son."),
                ("0813 2677 8120.", "0813 2677 8120."),
                (
                    "Sudah diperiksa dokter puskesmas, sudah ada surat kematian. Rencana berangkat jam dua.",
                    "The clinic doctor has examined him and written the death certificate. We plan to leave at two.",
                ),
            ),
            category="JENAZ",
            area_code="33.74.07.1006",
            point=(-6.9999, 110.4266),
            agencies={"medical": 1},
            questions=[],
            fields=["caller_name", "street", "house_number"],
        ),
        emergency(
            "sos-wandering",
            number="085876320941",
            name=None,
            patience=90,
            opening=(
                "Mas, ada orang ODGJ ngamuk di depan minimarket, bajunya sobek-sobek, mukulin gerobak.",
                "There's a mentally ill man raging in front of the minimarket, his clothes are torn, he's hitting a cart.",
            ),
            answers={},
            keywords=caller_keywords(
                (
                    "Jalan Raya Mangkang, depan minimarket dekat terminal Mangkang.",
                    "Jalan Raya Mangkang, in front of the minimarket near Mangkang bus terminal.",
                ),
                ("Teguh.", "Teguh."),
                ("0858 7632 0941.", "0858 7632 0941."),
                (
                    "Nggak bawa senjata, cuma teriak-teriak, orang-orang menjauh.",
                    "He has no weapon, just shouting; people are keeping away.",
                ),
            ),
            category="SOS",
            area_code="33.74.16.1006",
            point=(-6.9702, 110.2934),
            agencies={"social": 1},
            questions=[],
            fields=["street", "landmark"],
        ),
        emergency(
            "med-fall-builder",
            number="089687124403",
            name=None,
            patience=120,
            opening=(
                "Tolong, tukang bangunan jatuh dari lantai dua, kepalanya berdarah banyak!",
                "Help, a builder has fallen from the second floor, his head is bleeding a lot!",
            ),
            answers={
                "conscious": (
                    "Yes",
                    "Sadar tapi bingung, ngomongnya nggak jelas.",
                    "Conscious but confused, he's not making sense.",
                ),
                "breathing": ("Yes", "Napas.", "He's breathing."),
                "bleeding": ("Yes", "Iya, darahnya banyak dari kepala.", "Yes, lots of blood from his head."),
            },
            keywords=caller_keywords(
                (
                    "Proyek ruko Jalan Prof. Sudarto, Tembalang, depan kampus Undip.",
                    "The shop-house building site on Jalan Prof. Sudarto, Tembalang, opposite the Undip campus.",
                ),
                ("Saya mandornya, Purwanto.", "I'm the foreman, Purwanto."),
                ("0896 8712 4403.", "0896 8712 4403."),
                (
                    "Jatuh dari perancah, kira-kira empat meter.",
                    "He fell off the scaffolding, about four metres.",
                ),
            ),
            category="MED",
            area_code="33.74.10.1006",
            point=(-7.0532, 110.4389),
            agencies={"medical": 1},
            questions=["conscious", "bleeding"],
            fields=["caller_name", "street", "landmark"],
        ),
    ]


def _pranks() -> list[Json]:
    repeat_keywords = [
        keyword(
            "address",
            ADDRESS_WORDS,
            "Alamat? Di hatimu, Mbak. Hahaha.",
            "Address? In your heart, miss. Hahaha.",
        ),
        keyword(
            "name",
            NAME_WORDS,
            "Namaku Rahasia. Kenalan dong.",
            "My name's Secret. Let's get to know each other.",
        ),
    ]
    return [
        other(
            "prank-repeat-1",
            "prank",
            number=REPEAT_PRANKSTER,
            patience=40,
            opening=(
                "Halo Mbak, suaranya merdu banget. Boleh kenalan nggak?",
                "Hello miss, your voice is so lovely. Can we get to know each other?",
            ),
            keywords=repeat_keywords,
        ),
        other(
            "prank-repeat-2",
            "prank",
            number=REPEAT_PRANKSTER,
            patience=40,
            opening=(
                "Mbak, kok ditutup sih? Aku cuma mau ngobrol.",
                "Miss, why did you hang up? I only want to chat.",
            ),
            keywords=repeat_keywords,
        ),
        other(
            "prank-repeat-3",
            "prank",
            number=REPEAT_PRANKSTER,
            patience=40,
            opening=(
                "Ada kebakaran, Mbak! Kebakaran di hatiku. Hahaha.",
                "There's a fire, miss! A fire in my heart. Hahaha.",
            ),
            keywords=repeat_keywords,
        ),
        other(
            "prank-kids",
            "prank",
            number="081901243388",
            patience=30,
            opening=(
                "(anak-anak tertawa) Halo polisi! Tangkap aku kalau bisa! (tertawa, ditutup)",
                "(children laughing) Hello police! Catch me if you can! (laughter, hangs up)",
            ),
        ),
        other(
            "prank-pizza",
            "prank",
            number="+6287712390054",
            patience=30,
            opening=(
                "Halo, ini pizza ya? Pesan satu yang jumbo, diantar ke 112. Hehe.",
                "Hello, is this the pizza place? One jumbo, delivered to 112. Hehe.",
            ),
        ),
        other(
            "prank-music",
            "prank",
            number="P",
            patience=25,
            opening=(
                "(musik dangdut keras, orang tertawa di belakang)",
                "(loud dangdut music, people laughing in the background)",
            ),
        ),
        other(
            "prank-fake-accident",
            "prank",
            number="083840015523",
            patience=45,
            opening=(
                "Pak, ada kecelakaan... kecelakaan cinta, Pak. Saya diputus pacar. Wkwk.",
                "Sir, there's been an accident... a love accident. My girlfriend dumped me. LOL.",
            ),
            keywords=[
                keyword("address", ADDRESS_WORDS, "Di mana-mana, Pak, hehe.", "Everywhere, sir, hehe.")
            ],
        ),
        other(
            "prank-insult",
            "prank",
            number="089530127764",
            patience=20,
            opening=(
                "Woi, 112 kerjanya apa sih? Nggak guna! (tertawa)",
                "Oi, what does 112 even do? Useless! (laughs)",
            ),
        ),
        other(
            "prank-quiet-laugh",
            "prank",
            number="081327009916",
            patience=30,
            opening=(
                "(berbisik) Ssst... ini ada hantu di rumahku... (tertawa cekikikan)",
                "(whispering) Shh... there's a ghost in my house... (giggling)",
            ),
        ),
    ]


def _silents() -> list[Json]:
    return [
        other(
            "silent-pocket",
            "silent",
            number="082227461193",
            patience=60,
            opening=None,
            callback=(
                "Halo? Oh, maaf Mas, kepencet di saku. Nggak ada apa-apa.",
                "Hello? Oh, sorry, it dialled from my pocket. Nothing's wrong.",
            ),
        ),
        other("silent-noise", "silent", number="085712906634", patience=60, opening=None),
        other("silent-withheld", "silent", number="P", patience=45, opening=None),
        other(
            "silent-child",
            "silent",
            number="081390448821",
            patience=60,
            opening=None,
            callback=(
                "Halo... ini HP mama. Aku main-main tadi.",
                "Hello... this is mum's phone. I was just playing.",
            ),
        ),
        other("silent-breathing", "silent", number="0247606481", patience=60, opening=None),
        other("silent-unavailable", "silent", number="O", patience=45, opening=None),
        other(
            "silent-line-open",
            "silent",
            number="087731250098",
            patience=60,
            opening=None,
            callback=(
                "Iya? Oh, nggak, saya nggak nelpon kok. Salah pencet mungkin.",
                "Yes? Oh no, I didn't call. Must have pressed it by mistake.",
            ),
        ),
    ]


def _others() -> list[Json]:
    return [
        other(
            "info-pln",
            "information",
            number="081575902214",
            name="WINARNI",
            patience=60,
            opening=(
                "Selamat malam Mbak, listrik di rumah saya padam dari sore, lapornya ke mana ya?",
                "Good evening, our electricity has been off since the afternoon. Where do I report it?",
            ),
            keywords=[
                keyword(
                    "address",
                    ADDRESS_WORDS,
                    "Di Ngaliyan, Mbak, tapi cuma mau tanya nomor PLN.",
                    "In Ngaliyan, but I only want PLN's number.",
                )
            ],
        ),
        other(
            "info-pharmacy",
            "information",
            number="0246723318",
            patience=60,
            opening=(
                "Permisi, mau tanya, apotek yang buka dua puluh empat jam di daerah Banyumanik di mana ya?",
                "Excuse me, where is there a 24-hour pharmacy around Banyumanik?",
            ),
        ),
        other(
            "abandoned-quick",
            "abandoned",
            number="085600213397",
            patience=4,
            opening=("Halo? ... (ditutup)", "Hello? ... (hangs up)"),
            callback=(
                "Oh, maaf Mas, anak saya yang pencet. Nggak ada apa-apa.",
                "Oh sorry, my child pressed it. Nothing's wrong.",
            ),
        ),
        other(
            "abandoned-withheld",
            "abandoned",
            number="P",
            patience=3,
            opening=None,
        ),
        other(
            "wrong-bengkel",
            "wrong_number",
            number="081228340012",
            patience=45,
            opening=(
                "Halo, bengkel Pak Slamet? Motor saya sudah jadi belum?",
                "Hello, Mr Slamet's garage? Is my motorbike ready yet?",
            ),
            keywords=[
                keyword(
                    "number",
                    NUMBER_WORDS,
                    "Oh, ini 112? Waduh, maaf, salah sambung.",
                    "Oh, this is 112? Oh dear, sorry, wrong number.",
                )
            ],
        ),
    ]


def make_drill(seed: int = DRILL_SEED) -> Json:
    """The drill's document; the same seed gives the same file."""
    rng = random.Random(seed)
    calls = _emergencies() + _pranks() + _silents() + _others()
    rng.shuffle(calls)
    # The repeat prankster rings again and again: keep his calls in order, wherever they fell.
    repeat = [index for index, call in enumerate(calls) if call["number"] == REPEAT_PRANKSTER]
    ordered = sorted(
        (call for call in calls if call["number"] == REPEAT_PRANKSTER), key=lambda call: call["key"]
    )
    for index, call in zip(repeat, ordered, strict=True):
        calls[index] = call
    # Gaps between calls: an ordinary pace, with the evening peak (calls 16 to 27) three times as dense.
    gaps = [rng.uniform(25.0, 65.0) * (0.33 if 16 <= index < 28 else 1.0) for index in range(len(calls))]
    span = float(DRILL_SECONDS - LAST_CALL_BEFORE_END - 10)
    total = sum(gaps[1:])
    at = 10.0
    for index, call in enumerate(calls):
        if index:
            at += gaps[index] * span / total
        call["at_seconds"] = round(at)
    return scenario(
        DRILL_ID,
        title=("Latihan shift 30 menit", "30-minute shift drill"),
        summary=(
            "Empat puluh panggilan dalam 30 menit dengan campuran seperti di Semarang: 19 darurat dari berbagai "
            "kategori, 9 iseng (satu penelepon iseng berulang tiga kali), 7 tanpa suara, 2 informasi, 2 terputus "
            "sebelum diangkat dan 1 salah sambung; jam sibuk antara menit ke-13 dan ke-17.",
            "Forty calls in 30 minutes in Semarang's mix: 19 emergencies of many categories, 9 pranks (one repeat "
            "prankster rings three times), 7 silent calls, 2 information requests, 2 calls abandoned before answer "
            "and 1 wrong number; a peak between minutes 13 and 17.",
        ),
        competencies=[
            "APCO ANS 3.103: call processing",
            "APCO ANS 3.103: call classification",
            "APCO ANS 3.103: interrogation",
            "APCO ANS 3.103: location determination",
            "APCO ANS 3.103: prioritization",
            "APCO ANS 3.103: multi-agency dispatch",
            "APCO ANS 3.103: abandoned and silent calls",
            "APCO ANS 3.103: nuisance and non-emergency calls",
            "APCO ANS 3.103: stress management",
        ],
        seed=seed,
        duration=DRILL_SECONDS,
        calls=calls,
    )


def main(argv: list[str]) -> int:
    text = dumps(make_drill())
    target = SCENARIOS / f"{DRILL_ID}.json"
    if "--check" in argv:
        current = target.read_text(encoding="utf-8") if target.exists() else ""
        if current != text:
            print(
                f"{target.relative_to(ROOT)} differs from what scripts/make_shift_drill.py makes",
                file=sys.stderr,
            )
            return 1
        return 0
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text, encoding="utf-8")
    print(target.relative_to(ROOT))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
