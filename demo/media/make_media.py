#!/usr/bin/env python3
"""Generate the demo media files that ship with the project.

Makes, next to this script:

* for each podcast episode: an Ogg Opus recording with WebVTT captions and a
  plain-text transcript;
* for each "kennisclip": a video (WebM: VP9 + Opus) with WebVTT captions, a
  transcript and a JPEG poster image.

All texts live in this file. Speech is synthesised with espeak-ng's Dutch voice,
one WAV per sentence, so every caption cue gets the exact timing of its sentence.
Slides are drawn with Pillow; ffmpeg encodes the results.

Only needed to *regenerate* the files; the application itself never runs this.

    .venv/bin/python demo/media/make_media.py          # needs espeak-ng and ffmpeg
    .venv/bin/python demo/media/make_media.py --workdir /tmp/media-work   # keep WAVs/PNGs
"""

from __future__ import annotations

import argparse
import array
import shutil
import subprocess
import sys
import tempfile
import textwrap
import wave
from dataclasses import dataclass, field
from pathlib import Path

OUT_DIR = Path(__file__).resolve().parent

# --- speech and encoding settings -------------------------------------------------

VOICE = "nl"  # espeak-ng Dutch voice
SPEED = 150  # words per minute: calm
PITCH = 45  # espeak-ng default is 50; slightly lower sounds calmer
SENTENCE_GAP = 0.45  # seconds of silence between sentences
PARAGRAPH_GAP = 0.9  # seconds of silence between paragraphs / slides
LEAD_IN = 0.3  # seconds of silence before the first sentence
TAIL = 0.3  # seconds of silence after the last sentence
AUDIO_BITRATE = "28k"  # Opus, mono, speech
VIDEO_FPS = 10  # still slides: a low frame rate is plenty
VIDEO_CRF = "36"  # VP9 constant quality; still images compress very well
SIZE_LIMIT = 3 * 1024 * 1024  # all files together must stay under 3 MB

# --- slide design ---------------------------------------------------------------

WIDTH, HEIGHT = 1280, 720
FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")
FONT_REGULAR = FONT_DIR / "DejaVuSans.ttf"
FONT_BOLD = FONT_DIR / "DejaVuSans-Bold.ttf"
FONT_ITALIC = FONT_DIR / "DejaVuSans-Oblique.ttf"
BACKGROUND = "#ffffff"
ACCENT = "#1e5a8c"
TEXT = "#1b1f24"
MUTED = "#5b6570"
MARGIN = 110

# --- content: podcast -----------------------------------------------------------


@dataclass
class Podcast:
    slug: str
    title: str
    about: str  # the transcript's opening line, after "Podcast van de leeromgeving ..."
    paragraphs: list[list[str]]


STRESS_PARAGRAPHS: list[list[str]] = [
    [
        "Welkom bij deze korte podcast van de leeromgeving Leren over armoede.",
        "In deze aflevering gaat het over stress en schulden, en over waarom rust helpt.",
    ],
    [
        "Wie lang geldzorgen heeft, denkt daar bijna de hele dag aan.",
        "Onderzoekers noemen dat schaarste: het tekort vraagt zoveel aandacht, "
        "dat er weinig ruimte overblijft voor andere dingen.",
        "Je mentale bandbreedte wordt als het ware smaller.",
        "Een brief openen, een formulier invullen of een afspraak onthouden "
        "kost dan veel meer moeite.",
        "Dat is geen onwil, maar een gevolg van stress.",
    ],
    [
        "Wat kunt u doen als incassomedewerker of schuldhulpverlener?",
        "Zorg eerst voor rust, en neem de tijd voor het gesprek.",
        "Bespreek één ding tegelijk.",
        "Maak duidelijke afspraken, en schrijf ze kort op.",
        "Gebruik een vriendelijke toon, en oordeel niet.",
    ],
    [
        "Nu een verzonnen voorbeeld.",
        "Een moeder heeft drie maanden huurachterstand, en reageert niet meer op brieven.",
        "De incassomedewerker belt haar, en vraagt eerst hoe het met haar gaat.",
        "Samen kiezen ze één stap: deze week een betalingsregeling afspreken.",
        "Daarna is er weer ruimte om verder te kijken.",
    ],
    [
        "Rust is dus geen luxe, maar een voorwaarde om weer te kunnen kiezen.",
        "Bedankt voor het luisteren.",
    ],
]

WELCOME = "Welkom bij deze korte podcast van de leeromgeving Leren over armoede."

PODCASTS: list[Podcast] = [
    Podcast(
        slug="podcast-stress-en-schulden",
        title="Stress en schulden: waarom rust helpt",
        about="Het voorbeeld in deze aflevering is verzonnen.",
        paragraphs=STRESS_PARAGRAPHS,
    ),
    Podcast(
        slug="podcast-huurachterstand-eerst-rust",
        title="Huurachterstand: eerst rust, dan een regeling",
        about="Voor incassomedewerkers. Het voorbeeld in deze aflevering is verzonnen.",
        paragraphs=[
            [
                WELCOME,
                "Deze aflevering is voor incassomedewerkers, "
                "en gaat over het eerste telefoontje bij huurachterstand.",
            ],
            [
                "Een huurder met een achterstand is vaak bang voor het gesprek.",
                "Begin daarom niet met het bedrag, maar met de vraag hoe het gaat.",
                "Vertel rustig waarom je belt, en wat je samen kunt doen.",
            ],
            [
                "Nu een verzonnen voorbeeld.",
                "Een moeder heeft twee maanden huurachterstand, en neemt de telefoon niet op.",
                "De incassomedewerker stuurt een kort bericht, "
                "en belt op een afgesproken tijd terug.",
                "Samen spreken ze één stap af: een kleine betaling per week.",
                "Bedankt voor het luisteren.",
            ],
        ],
    ),
    Podcast(
        slug="podcast-schaarste-waarom-een-brief-zwaar-is",
        title="Schaarste: waarom een brief openen zo zwaar kan zijn",
        about="Voor professionals in het sociaal team.",
        paragraphs=[
            [
                WELCOME,
                "In deze aflevering gaat het over post die ongeopend blijft liggen.",
            ],
            [
                "Voor iemand met geldzorgen kan elke envelop slecht nieuws zijn.",
                "Dat geeft stress, en stress maakt het denken smaller.",
                "Zo blijft een stapel post liggen, en worden de problemen groter.",
            ],
            [
                "Wat kun je doen als professional in het sociaal team?",
                "Open de post samen, één brief tegelijk.",
                "Zeg wat er nu moet gebeuren, en wat kan wachten.",
                "Zo wordt de stapel kleiner, en komt er weer ruimte.",
                "Bedankt voor het luisteren.",
            ],
        ],
    ),
    Podcast(
        slug="podcast-rust-als-voorwaarde-organisatie",
        title="Rust als voorwaarde: wat vraagt dat van je organisatie?",
        about="Voor leidinggevenden en beleidsmakers.",
        paragraphs=[
            [
                WELCOME,
                "Deze aflevering is voor leidinggevenden en beleidsmakers.",
            ],
            [
                "Medewerkers kunnen alleen rust brengen als ze zelf tijd en ruimte hebben.",
                "Strakke targets en korte gesprekken werken dan tegen.",
                "Ook een dreigende brief maakt de stress van een inwoner groter.",
            ],
            [
                "Kijk daarom met je team naar de werkprocessen.",
                "Waar ontbreekt tijd voor een goed gesprek?",
                "Welke brief kan korter en vriendelijker?",
                "Kies samen één verandering, en probeer die drie maanden uit.",
                "Bedankt voor het luisteren.",
            ],
        ],
    ),
]

# --- content: kennisclips -------------------------------------------------------

CLIP_FOOTER = "Leren over armoede  ·  Alliantie van Kracht tegen Armoede"


@dataclass
class Slide:
    heading: str
    narration: list[str]
    lines: list[str] = field(default_factory=list)  # at most 3 short lines
    kicker: str = ""  # small label above the heading
    question: str = ""  # shown as "Vraag aan het gezin" + the question


@dataclass
class Kennisclip:
    slug: str
    title: str
    about: str  # the transcript's opening line, after "Kennisclip van de leeromgeving ..."
    slides: list[Slide]


CAPITAL_SLIDES: list[Slide] = [
    Slide(
        heading="Vijf vormen van kapitaal",
        kicker="Kennisclip",
        lines=[
            "Financieel, sociaal, pedagogisch,",
            "emotioneel en cultureel kapitaal",
            "bij generatiearmoede",
        ],
        narration=[
            "Welkom bij deze kennisclip over vijf vormen van kapitaal.",
            "Onderzoek van onder meer de Rijksuniversiteit Groningen naar armoede "
            "in de Veenkoloniën kijkt niet alleen naar geld.",
            "Het kijkt naar vijf bronnen waar een gezin op kan bouwen.",
        ],
    ),
    Slide(
        heading="Financieel kapitaal",
        kicker="Vorm 1 van 5",
        lines=["Inkomen, vaste lasten en schulden."],
        question="Welke rekening geeft u nu de meeste zorgen?",
        narration=[
            "Financieel kapitaal gaat over geld: inkomen, vaste lasten en schulden.",
            "Vraag bijvoorbeeld: welke rekening geeft u nu de meeste zorgen?",
        ],
    ),
    Slide(
        heading="Sociaal kapitaal",
        kicker="Vorm 2 van 5",
        lines=["Mensen om op terug te vallen."],
        question="Wie kunt u bellen als het even tegenzit?",
        narration=[
            "Sociaal kapitaal gaat over mensen om op terug te vallen, "
            "zoals familie, buren of vrienden.",
            "Vraag bijvoorbeeld: wie kunt u bellen als het even tegenzit?",
        ],
    ),
    Slide(
        heading="Pedagogisch kapitaal",
        kicker="Vorm 3 van 5",
        lines=["Kennis, steun en vertrouwen bij het opvoeden."],
        question="Wat gaat goed, en waar wilt u hulp bij?",
        narration=[
            "Pedagogisch kapitaal gaat over kennis, steun en vertrouwen "
            "bij het opvoeden van kinderen.",
            "Vraag bijvoorbeeld: wat gaat goed bij het opvoeden, en waar wilt u hulp bij?",
        ],
    ),
    Slide(
        heading="Emotioneel kapitaal",
        kicker="Vorm 4 van 5",
        lines=["Zelfvertrouwen, hoop en omgaan met stress."],
        question="Wat geeft u energie, ook in een zware week?",
        narration=[
            "Emotioneel kapitaal gaat over zelfvertrouwen, hoop en omgaan met stress.",
            "Vraag bijvoorbeeld: wat geeft u energie, ook in een zware week?",
        ],
    ),
    Slide(
        heading="Cultureel kapitaal",
        kicker="Vorm 5 van 5",
        lines=["Opleiding, vaardigheden en weten hoe het werkt."],
        question="Welke brief of welk formulier vindt u lastig?",
        narration=[
            "Cultureel kapitaal gaat over opleiding, vaardigheden en weten hoe instanties werken.",
            "Vraag bijvoorbeeld: welke brief of welk formulier vindt u lastig?",
        ],
    ),
    Slide(
        heading="Samen zoeken naar wat helpt",
        kicker="Tot slot",
        lines=[
            "Kijk verder dan geld: naar alle vijf vormen.",
            "Begin bij wat het gezin belangrijk vindt.",
            "Zorg eerst voor rust.",
        ],
        narration=[
            "Kijk niet alleen naar geld, maar naar alle vijf vormen van kapitaal.",
            "Begin bij wat het gezin zelf belangrijk vindt, en zorg eerst voor rust.",
            "Bedankt voor het kijken.",
        ],
    ),
]

THANKS = "Bedankt voor het kijken."

CLIPS: list[Kennisclip] = [
    Kennisclip(
        slug="kennisclip-vijf-vormen-van-kapitaal",
        title="Vijf vormen van kapitaal",
        about="Over de vijf vormen van kapitaal bij generatiearmoede.",
        slides=CAPITAL_SLIDES,
    ),
    Kennisclip(
        slug="kennisclip-vragen-aan-de-keukentafel",
        title="Vragen aan de keukentafel: één per vorm van kapitaal",
        about="Over het voorbereiden van een huisbezoek.",
        slides=[
            Slide(
                heading="Vragen aan de keukentafel",
                kicker="Kennisclip",
                lines=["Een huisbezoek voorbereiden", "met één vraag per vorm van kapitaal"],
                narration=[
                    "Welkom bij deze kennisclip over vragen aan de keukentafel.",
                    "Een goed huisbezoek begint al voordat je aanbelt.",
                ],
            ),
            Slide(
                heading="Kies vooraf twee vragen",
                kicker="Voorbereiden",
                lines=["Lees terug wat je al weet van het gezin."],
                question="Wie helpt u als het even tegenzit?",
                narration=[
                    "Lees terug wat je al weet van het gezin, "
                    "en kies vooraf twee vragen die daarbij passen.",
                    "Een vraag over sociaal kapitaal is bijvoorbeeld: "
                    "wie helpt u als het even tegenzit?",
                ],
            ),
            Slide(
                heading="Aan tafel",
                kicker="Tot slot",
                lines=["Begin bij wat het gezin belangrijk vindt.", "Luister meer dan je praat."],
                narration=[
                    "Begin aan tafel bij wat het gezin zelf belangrijk vindt.",
                    "Luister meer dan je praat, en schrijf pas daarna op wat je hebt gehoord.",
                    THANKS,
                ],
            ),
        ],
    ),
    Kennisclip(
        slug="kennisclip-jonge-gezinnen-verder-dan-geld",
        title="Jonge gezinnen: kijk verder dan geld",
        about="Over pedagogisch en emotioneel kapitaal bij jonge gezinnen.",
        slides=[
            Slide(
                heading="Jonge gezinnen: kijk verder dan geld",
                kicker="Kennisclip",
                lines=["Pedagogisch en emotioneel kapitaal", "bij jonge ouders"],
                narration=[
                    "Welkom bij deze kennisclip over jonge gezinnen.",
                    "Jonge ouders die zelf in armoede opgroeiden, "
                    "willen het voor hun kinderen vaak anders doen.",
                ],
            ),
            Slide(
                heading="Vertrouwen bij het opvoeden",
                kicker="Pedagogisch kapitaal",
                lines=["Wat gaat al goed?", "Waar wil de ouder steun bij?"],
                question="Waar bent u trots op als ouder?",
                narration=[
                    "Vraag niet alleen naar rekeningen, maar ook naar het opvoeden.",
                    "Bijvoorbeeld: waar bent u trots op als ouder?",
                ],
            ),
            Slide(
                heading="Hoop voor later",
                kicker="Emotioneel kapitaal",
                lines=["Kleine stappen die lukken,", "geven ouders weer moed."],
                narration=[
                    "Kleine stappen die lukken, geven ouders weer moed.",
                    "Zo werk je samen aan een betere start voor de volgende generatie.",
                    THANKS,
                ],
            ),
        ],
    ),
    Kennisclip(
        slug="kennisclip-thuisadministratie-meer-dan-papieren",
        title="Thuisadministratie: meer dan papieren op orde",
        about="Voor vrijwilligers bij de thuisadministratie.",
        slides=[
            Slide(
                heading="Thuisadministratie: meer dan papieren op orde",
                kicker="Kennisclip",
                lines=["Voor vrijwilligers bij de thuisadministratie"],
                narration=[
                    "Welkom bij deze kennisclip voor vrijwilligers bij de thuisadministratie.",
                    "Je helpt een huishouden om de papieren op orde te krijgen.",
                ],
            ),
            Slide(
                heading="Kijk ook naar de rest",
                kicker="Meer dan geld",
                lines=["Wie staat er om het huishouden heen?"],
                question="Welke brief vindt u het lastigst?",
                narration=[
                    "Let naast geld ook op de andere vormen van kapitaal.",
                    "Vraag bijvoorbeeld: welke brief vindt u het lastigst?",
                ],
            ),
            Slide(
                heading="Weet wanneer je doorverwijst",
                kicker="Tot slot",
                lines=[
                    "Zie je veel stress of groeiende schulden?",
                    "Bespreek het met je coördinator.",
                ],
                narration=[
                    "Zie je veel stress of groeiende schulden, "
                    "bespreek dat dan met je coördinator.",
                    "Samen kijk je welke hulp het huishouden nodig heeft.",
                    THANKS,
                ],
            ),
        ],
    ),
]


# ================================================================================
# helpers
# ================================================================================


def fail(message: str) -> None:
    print(f"make_media: {message}", file=sys.stderr)
    sys.exit(1)


def check_tools() -> None:
    missing = [tool for tool in ("espeak-ng", "ffmpeg", "ffprobe") if shutil.which(tool) is None]
    if missing:
        fail(
            f"missing tool(s): {', '.join(missing)}. "
            "Install them first, e.g.: apt-get install espeak-ng ffmpeg"
        )
    for font in (FONT_REGULAR, FONT_BOLD, FONT_ITALIC):
        if not font.exists():
            fail(
                f"font not found: {font}. Install it first, e.g.: apt-get install fonts-dejavu-core"
            )


def run(cmd: list[str]) -> None:
    result = subprocess.run(cmd, capture_output=True, text=True)
    if result.returncode != 0:
        fail(f"command failed ({result.returncode}): {' '.join(cmd)}\n{result.stderr[-2000:]}")


@dataclass
class Clip:
    """Mono 16-bit PCM samples at a fixed rate."""

    rate: int
    samples: array.array

    @property
    def duration(self) -> float:
        return len(self.samples) / self.rate


def speak(text: str, wav_path: Path) -> Clip:
    """Synthesise one sentence with espeak-ng and return its samples, trimmed of silence."""
    run(["espeak-ng", "-v", VOICE, "-s", str(SPEED), "-p", str(PITCH), "-w", str(wav_path), text])
    with wave.open(str(wav_path), "rb") as wav:
        if wav.getnchannels() != 1 or wav.getsampwidth() != 2:
            fail(f"unexpected WAV format from espeak-ng: {wav_path}")
        rate = wav.getframerate()
        samples = array.array("h", wav.readframes(wav.getnframes()))
    if sys.byteorder == "big":
        samples.byteswap()
    # Trim leading/trailing near-silence so the caption cues match the speech,
    # keeping a small margin so no sound is clipped.
    threshold = 200
    loud = [i for i, value in enumerate(samples) if abs(value) > threshold]
    if not loud:
        fail(f"espeak-ng produced silence for: {text!r}")
    margin = int(0.04 * rate)
    start = max(0, loud[0] - margin)
    end = min(len(samples), loud[-1] + margin)
    return Clip(rate, samples[start:end])


def silence(rate: int, seconds: float) -> array.array:
    return array.array("h", bytes(2 * round(rate * seconds)))


def write_wav(path: Path, rate: int, samples: array.array) -> None:
    data = array.array("h", samples)
    if sys.byteorder == "big":
        data.byteswap()
    with wave.open(str(path), "wb") as wav:
        wav.setnchannels(1)
        wav.setsampwidth(2)
        wav.setframerate(rate)
        wav.writeframes(data.tobytes())


@dataclass
class Cue:
    start: float
    end: float
    text: str


class Timeline:
    """Concatenates sentence clips and silences, recording a cue per sentence."""

    def __init__(self) -> None:
        self.rate: int | None = None
        self.samples = array.array("h")
        self.cues: list[Cue] = []

    @property
    def position(self) -> float:
        return len(self.samples) / self.rate if self.rate else 0.0

    def write(self, path: Path) -> None:
        if self.rate is None:
            raise RuntimeError("the timeline is empty")
        write_wav(path, self.rate, self.samples)

    def pause(self, seconds: float) -> None:
        if self.rate is None:
            raise RuntimeError("add a sentence before a pause")
        self.samples.extend(silence(self.rate, seconds))

    def sentence(self, clip: Clip, text: str, lead_in: float = 0.0) -> None:
        if self.rate is None:
            self.rate = clip.rate
            self.samples.extend(silence(self.rate, lead_in))
        elif clip.rate != self.rate:
            fail("espeak-ng returned clips with different sample rates")
        start = self.position
        self.samples.extend(clip.samples)
        self.cues.append(Cue(start, self.position, text))


def vtt_time(seconds: float) -> str:
    millis = round(seconds * 1000)
    hours, millis = divmod(millis, 3_600_000)
    minutes, millis = divmod(millis, 60_000)
    secs, millis = divmod(millis, 1000)
    return f"{hours:02d}:{minutes:02d}:{secs:02d}.{millis:03d}"


def write_vtt(path: Path, cues: list[Cue]) -> None:
    parts = ["WEBVTT", ""]
    for number, cue in enumerate(cues, start=1):
        parts.append(str(number))
        parts.append(f"{vtt_time(cue.start)} --> {vtt_time(cue.end)}")
        parts.extend(textwrap.wrap(cue.text, width=50))
        parts.append("")
    path.write_text("\n".join(parts), encoding="utf-8")


def write_transcript(
    path: Path, title: str, subtitle: str, intro: str, paragraphs: list[tuple[str, list[str]]]
) -> None:
    parts = [title, subtitle, "", textwrap.fill(intro, width=78), ""]
    for heading, sentences in paragraphs:
        if heading:
            parts.append(f"[{heading}]")
        parts.append(textwrap.fill(" ".join(sentences), width=78))
        parts.append("")
    path.write_text("\n".join(parts), encoding="utf-8")


OPUS_AUDIO = [
    "-c:a",
    "libopus",
    "-b:a",
    AUDIO_BITRATE,
    "-ac",
    "1",
    "-ar",
    "48000",
    "-application",
    "voip",
]
BITEXACT = ["-fflags", "+bitexact", "-flags:v", "+bitexact", "-flags:a", "+bitexact"]


# ================================================================================
# podcast
# ================================================================================


def make_podcast(podcast: Podcast, work: Path) -> list[Path]:
    timeline = Timeline()
    counter = 0
    for p_index, paragraph in enumerate(podcast.paragraphs):
        if p_index:
            timeline.pause(PARAGRAPH_GAP)
        for s_index, text in enumerate(paragraph):
            if s_index:
                timeline.pause(SENTENCE_GAP)
            counter += 1
            clip = speak(text, work / f"{podcast.slug}-{counter:02d}.wav")
            timeline.sentence(clip, text, lead_in=LEAD_IN)
    timeline.pause(TAIL)

    wav_path = work / f"{podcast.slug}-full.wav"
    timeline.write(wav_path)
    audio = OUT_DIR / f"{podcast.slug}.ogg"
    run(
        [
            "ffmpeg",
            "-y",
            "-loglevel",
            "error",
            "-i",
            str(wav_path),
            *OPUS_AUDIO,
            "-metadata",
            f"title={podcast.title}",
            "-metadata",
            "language=nld",
            *BITEXACT,
            str(audio),
        ]
    )
    vtt = OUT_DIR / f"{podcast.slug}.vtt"
    write_vtt(vtt, timeline.cues)
    txt = OUT_DIR / f"{podcast.slug}.txt"
    write_transcript(
        txt,
        podcast.title,
        "Transcript van de podcast",
        f"Podcast van de leeromgeving Leren over armoede. {podcast.about} "
        "De stem is een computerstem (espeak-ng).",
        [("", paragraph) for paragraph in podcast.paragraphs],
    )
    return [audio, vtt, txt]


# ================================================================================
# kennisclip
# ================================================================================


def _font(path: Path, size: int):
    from PIL import ImageFont

    return ImageFont.truetype(str(path), size)


def _draw_text(draw, xy, text, font, fill, max_width) -> int:
    """Draw text wrapped to max_width; return the y below it."""
    x, y = xy
    words, line, lines = text.split(), "", []
    for word in words:
        candidate = f"{line} {word}".strip()
        if draw.textlength(candidate, font=font) <= max_width or not line:
            line = candidate
        else:
            lines.append(line)
            line = word
    lines.append(line)
    ascent, descent = font.getmetrics()
    for item in lines:
        draw.text((x, y), item, font=font, fill=fill)
        y += int((ascent + descent) * 1.25)
    return y


def render_slide(slide: Slide, number: int, total: int, path: Path) -> None:
    from PIL import Image, ImageDraw

    image = Image.new("RGB", (WIDTH, HEIGHT), BACKGROUND)
    draw = ImageDraw.Draw(image)
    text_width = WIDTH - 2 * MARGIN
    title_slide = number == 1

    # Coloured bar on the left and a thin line above the footer.
    draw.rectangle([0, 0, 28, HEIGHT], fill=ACCENT)
    draw.rectangle([MARGIN, HEIGHT - 92, WIDTH - MARGIN, HEIGHT - 90], fill="#d5dde6")

    y = 150 if title_slide else 110
    if slide.kicker:
        y = _draw_text(
            draw, (MARGIN, y), slide.kicker.upper(), _font(FONT_BOLD, 26), ACCENT, text_width
        )
        y += 6
    heading_font = _font(FONT_BOLD, 72 if title_slide else 62)
    y = _draw_text(draw, (MARGIN, y), slide.heading, heading_font, TEXT, text_width)
    draw.rectangle([MARGIN, y + 4, MARGIN + 120, y + 12], fill=ACCENT)
    y += 50

    body = _font(FONT_REGULAR, 40)
    for line in slide.lines:
        y = _draw_text(draw, (MARGIN, y), line, body, TEXT, text_width)
    if slide.question:
        y += 34
        y = _draw_text(
            draw, (MARGIN, y), "Vraag aan het gezin", _font(FONT_BOLD, 30), ACCENT, text_width
        )
        y += 4
        y = _draw_text(
            draw, (MARGIN, y), f"“{slide.question}”", _font(FONT_ITALIC, 40), TEXT, text_width
        )

    footer = _font(FONT_REGULAR, 24)
    draw.text((MARGIN, HEIGHT - 70), CLIP_FOOTER, font=footer, fill=MUTED)
    counter = f"{number} / {total}"
    draw.text(
        (WIDTH - MARGIN - draw.textlength(counter, font=footer), HEIGHT - 70),
        counter,
        font=footer,
        fill=MUTED,
    )
    image.save(path, optimize=True)


def make_clip(kennisclip: Kennisclip, work: Path) -> list[Path]:
    from PIL import Image

    timeline = Timeline()
    slide_starts: list[float] = []
    counter = 0
    for index, slide in enumerate(kennisclip.slides):
        if index:
            timeline.pause(PARAGRAPH_GAP / 2)
        slide_starts.append(timeline.position)
        if index:
            timeline.pause(PARAGRAPH_GAP / 2)
        for s_index, text in enumerate(slide.narration):
            if s_index:
                timeline.pause(SENTENCE_GAP)
            counter += 1
            clip = speak(text, work / f"{kennisclip.slug}-{counter:02d}.wav")
            timeline.sentence(clip, text, lead_in=LEAD_IN)
    timeline.pause(TAIL)
    total = timeline.position

    wav_path = work / f"{kennisclip.slug}-full.wav"
    timeline.write(wav_path)

    slide_paths = []
    for index, slide in enumerate(kennisclip.slides):
        path = work / f"{kennisclip.slug}-{index + 1}.png"
        render_slide(slide, index + 1, len(kennisclip.slides), path)
        slide_paths.append(path)

    # ffmpeg concat list: each slide for exactly the length of its narration.
    ends = [*slide_starts[1:], total]
    lines = ["ffconcat version 1.0"]
    for path, start, end in zip(slide_paths, slide_starts, ends, strict=True):
        lines += [f"file '{path.name}'", f"duration {end - start:.3f}"]
    lines.append(f"file '{slide_paths[-1].name}'")  # the last entry's duration needs a repeat
    concat = work / f"{kennisclip.slug}.ffconcat"
    concat.write_text("\n".join(lines) + "\n", encoding="utf-8")

    video = OUT_DIR / f"{kennisclip.slug}.webm"
    run(
        [
            "ffmpeg",
            "-y",
            "-loglevel",
            "error",
            "-f",
            "concat",
            "-safe",
            "0",
            "-i",
            str(concat),
            "-i",
            str(wav_path),
            "-map",
            "0:v",
            "-map",
            "1:a",
            "-vf",
            f"fps={VIDEO_FPS},format=yuv420p",
            "-c:v",
            "libvpx-vp9",
            "-crf",
            VIDEO_CRF,
            "-b:v",
            "0",
            "-g",
            str(VIDEO_FPS * 10),
            # A key frame at every slide change, so each slide starts sharp.
            "-force_key_frames",
            ",".join(f"{start:.3f}" for start in slide_starts),
            "-deadline",
            "good",
            "-cpu-used",
            "2",
            "-row-mt",
            "1",
            "-threads",
            "1",
            *OPUS_AUDIO,
            "-t",
            f"{total:.3f}",
            "-metadata",
            f"title={kennisclip.title}",
            "-metadata:s:a",
            "language=dut",
            *BITEXACT,
            str(video),
        ]
    )

    poster = OUT_DIR / f"{kennisclip.slug}.jpg"
    with Image.open(slide_paths[0]) as image:
        small = image.convert("RGB").resize((960, 540), Image.Resampling.LANCZOS)
        small.save(poster, "JPEG", quality=82, optimize=True)

    vtt = OUT_DIR / f"{kennisclip.slug}.vtt"
    write_vtt(vtt, timeline.cues)
    txt = OUT_DIR / f"{kennisclip.slug}.txt"
    write_transcript(
        txt,
        kennisclip.title,
        "Transcript van de kennisclip",
        f"Kennisclip van de leeromgeving Leren over armoede. {kennisclip.about} "
        "De stem is een computerstem (espeak-ng).",
        [
            (f"Dia {i + 1}: {slide.heading}", slide.narration)
            for i, slide in enumerate(kennisclip.slides)
        ],
    )
    return [video, vtt, txt, poster]


# ================================================================================
# main
# ================================================================================


def probe_duration(path: Path) -> float | None:
    result = subprocess.run(
        ["ffprobe", "-v", "error", "-show_entries", "format=duration", "-of", "csv=p=0", str(path)],
        capture_output=True,
        text=True,
    )
    try:
        return float(result.stdout.strip())
    except ValueError:
        return None


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--workdir", type=Path, help="keep intermediate WAV/PNG files here")
    args = parser.parse_args()

    check_tools()
    try:
        import PIL  # noqa: F401
    except ImportError:
        fail("Pillow is missing; run this with the project's virtualenv: .venv/bin/python")

    with tempfile.TemporaryDirectory(prefix="make-media-") as tmp:
        work = args.workdir or Path(tmp)
        work.mkdir(parents=True, exist_ok=True)
        made = [path for podcast in PODCASTS for path in make_podcast(podcast, work)]
        made += [path for kennisclip in CLIPS for path in make_clip(kennisclip, work)]

    total = 0
    print(f"Made in {OUT_DIR}:")
    for path in made:
        size = path.stat().st_size
        total += size
        duration = probe_duration(path) if path.suffix in {".ogg", ".webm"} else None
        extra = f"  {duration:6.2f} s" if duration else ""
        print(f"  {path.name:45s} {size / 1024:8.1f} KiB{extra}")
    print(f"  {'total':45s} {total / 1024:8.1f} KiB")
    if total > SIZE_LIMIT:
        fail(f"the files total {total} bytes, over the {SIZE_LIMIT}-byte limit; lower the bitrates")


if __name__ == "__main__":
    main()
