import html
import re
from collections import Counter
from io import StringIO

from django.core.management import call_command
from django.utils.html import strip_tags

from catalogue.models import (
    ArticlePage,
    CatalogueIndexPage,
    LearningItemPage,
    PodcastEpisodePage,
    PracticeAssignmentPage,
    PublicationPage,
    ToolPage,
    VideoClipPage,
)
from core.models import Role, Theme
from demo import taxonomy
from demo.catalogue_items import ITEMS, KIND_FORMS, MEDIA_DIR

MINIMUM_PER_KIND = {
    ArticlePage: 10,
    PublicationPage: 6,
    VideoClipPage: 4,
    PodcastEpisodePage: 4,
    PracticeAssignmentPage: 10,
    ToolPage: 8,
}
HOSTS = {"groningen": "groningen.localhost:8000", "drenthe": "drenthe.localhost:8000"}


def load() -> tuple[CatalogueIndexPage, int]:
    """Runs load_demo: its catalogue, and how many learning items this run created."""
    output = StringIO()
    call_command("load_demo", stdout=output)
    created = re.search(r"^(\d+) learning items created\.$", output.getvalue(), re.MULTILINE)
    assert created is not None, output.getvalue()
    return CatalogueIndexPage.objects.get(), int(created[1])


def items() -> list[LearningItemPage]:
    """The demo's own catalogue items (events and tracks are loaded by their modules)."""
    slugs = [item.slug for item in ITEMS]
    return [page.specific for page in LearningItemPage.objects.live().filter(slug__in=slugs)]


def words(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.casefold()))


def spoken(vtt_name: str) -> list[str]:
    """The text of each cue of a WebVTT file."""
    cues = (MEDIA_DIR / vtt_name).read_text(encoding="utf-8").split("\n\n")[1:]
    return [
        " ".join(
            line
            for line in cue.splitlines()
            if line.strip() and "-->" not in line and not line.strip().isdigit()
        )
        for cue in cues
        if cue.strip()
    ]


def test_the_item_data_is_consistent():
    slugs = [item.slug for item in ITEMS]
    assert len(slugs) == len(set(slugs))
    roles = {slug for slug, _name, _description in taxonomy.ROLES}
    themes = {slug for slug, _name in taxonomy.THEMES}
    for item in ITEMS:
        assert len(item.summary) <= 300, item.slug
        assert set(item.roles) <= roles, item.slug
        assert set(item.themes) <= themes, item.slug
        assert 2 <= len(item.outcomes) <= 4, item.slug
        assert all(outcome.startswith("Je ") for outcome in item.outcomes), item.slug
        assert item.form == KIND_FORMS[item.kind] or (item.kind, item.form) == ("tool", "theorie")
        if item.kind == "assignment":
            assert 3 <= len(item.steps) <= 5, item.slug
            assert 3 <= len(item.questions) <= 4, item.slug
        if item.kind == "tool":
            assert 5 <= len(item.checklist) <= 8, item.slug
        if item.kind == "article":
            assert all(block_type != "image" for block_type, _value in item.body), item.slug


def test_demo_items_cover_every_kind_role_theme_and_region(db):
    _catalogue, created = load()
    assert created == len(ITEMS)
    catalogue, second = load()
    assert second == 0

    pages = items()
    assert len(pages) >= 42
    assert len(pages) == len(ITEMS)
    assert all(page.get_parent().pk == catalogue.pk for page in pages)

    kinds = Counter(type(page) for page in pages)
    for model, minimum in MINIMUM_PER_KIND.items():
        assert kinds[model] >= minimum, model.__name__

    for role in Role.objects.all():
        assert LearningItemPage.objects.live().filter(roles=role).count() >= 4, role.slug
    for theme in Theme.objects.all():
        assert LearningItemPage.objects.live().filter(themes=theme).count() >= 3, theme.slug

    only = Counter(page.regions.get().slug for page in pages if page.regions.count() == 1)
    assert only["groningen"] >= 5
    assert only["drenthe"] >= 5

    for page in pages:
        assert page.learning_form.slug in {"theorie", "kijken", "luisteren", "doen"}
        assert 2 <= page.related_items.count() <= 3, page.slug
        page_regions = set(page.regions.all())
        for other in page.related_items.all():
            assert page_regions <= set(other.regions.all()), (page.slug, other.slug)
        if isinstance(page, (VideoClipPage, PodcastEpisodePage)):
            assert page.transcript.strip().startswith("<p>"), page.slug
            assert page.has_transcript, page.slug
        if isinstance(page, VideoClipPage):
            assert page.video and page.captions and page.poster, page.slug
            assert page.has_captions, page.slug
            transcript = words(html.unescape(strip_tags(page.transcript)))
            for cue in spoken(f"{page.slug}.vtt"):
                assert words(cue) in transcript, (page.slug, cue)
        if isinstance(page, PodcastEpisodePage):
            assert page.audio, page.slug
            transcript = words(html.unescape(strip_tags(page.transcript)))
            for cue in spoken(f"{page.slug}.vtt"):
                assert words(cue) in transcript, (page.slug, cue)
        if isinstance(page, PublicationPage):
            with page.document.open_file() as handle:
                assert page.title.encode() in handle.read(), page.slug


def test_demo_item_pages_are_served_on_their_portals(client, db):
    load()
    for page in items():
        regions = [region.slug for region in page.regions.all()]
        url = f"/aanbod/{page.slug}/"
        for region in regions:
            response = client.get(url, HTTP_HOST=HOSTS[region])
            assert response.status_code == 200, (region, url)
            assert page.title in response.content.decode(), url
        for region in set(HOSTS) - set(regions):
            assert client.get(url, HTTP_HOST=HOSTS[region]).status_code == 404, (region, url)


def test_demo_item_bodies_render_as_html(client, db):
    load()
    for slug in ("wat-is-overerfbare-armoede", "gespreksleidraad-huurachterstand"):
        response = client.get(f"/aanbod/{slug}/", HTTP_HOST=HOSTS["groningen"])
        assert "&lt;p&gt;" not in response.content.decode(), slug


def test_every_clip_and_podcast_has_its_own_recording_and_transcript(db):
    load()
    pages = [page for page in items() if isinstance(page, (VideoClipPage, PodcastEpisodePage))]
    assert len(pages) == 8
    recordings = []
    for page in pages:
        recording = page.video if isinstance(page, VideoClipPage) else page.audio
        assert recording is not None, page.slug
        with recording.open_file() as handle:
            recordings.append(handle.read())
        # Each item plays the file made for it, named after its slug.
        assert recording.file.name.rsplit("/", 1)[-1].startswith(page.slug), page.slug
    assert len(set(recordings)) == 8
    assert len({page.transcript for page in pages}) == 8
    assert len({tuple(spoken(f"{page.slug}.vtt")) for page in pages}) == 8
