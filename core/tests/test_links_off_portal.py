"""Editors are warned in /beheer/ when a page links to a page one of its portals does not
show: the visitor would leave their portal, or not see the link."""

from django.contrib.auth import get_user_model
from django.contrib.messages import constants, get_messages
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from .factories import create_content_page, shared_root

HOST = {"HTTP_HOST": "groningen.localhost"}


def edit(client, page, *, regions, body):
    data = nested_form_data(
        {
            "title": page.title,
            "slug": page.slug,
            "intro": "",
            "body": streamfield(body),
            "comments": inline_formset([]),
        }
    )
    data["regions"] = [str(region.pk) for region in regions]
    return client.post(f"/beheer/pages/{page.pk}/edit/", data, follow=True, **HOST)


def warnings(response) -> list[str]:
    messages = get_messages(response.wsgi_request)
    return [str(message) for message in messages if message.level == constants.WARNING]


def test_an_editor_is_warned_of_a_link_to_a_page_a_portal_of_the_page_does_not_show(
    client, groningen, drenthe
):
    editor = get_user_model().objects.create_superuser("redacteur", "r@example.org", "x")
    client.force_login(editor)
    both = [groningen.region, drenthe.region]
    everywhere = create_content_page(parent=shared_root(), slug="over", regions=both)
    stadskanaal = create_content_page(
        parent=shared_root(), slug="stadskanaal", regions=[groningen.region], title="Stadskanaal"
    )
    draft = create_content_page(
        parent=shared_root(), slug="concept", regions=both, title="Concept", live=False
    )
    page = create_content_page(parent=shared_root(), slug="leren", regions=both)

    response = edit(
        client,
        page,
        regions=both,
        body=[
            ("button", {"label": "Over", "page": everywhere.pk}),
            ("button", {"label": "Stadskanaal", "page": stadskanaal.pk}),
            ("paragraph", rich_text(f'<p><a linktype="page" id="{draft.pk}">Concept</a></p>')),
        ],
    )
    assert response.status_code == 200
    assert warnings(response) == [
        "Deze pagina linkt naar \u2018Concept\u2019. Die staat niet op de portalen Drenthe en "
        "Groningen. Bezoekers van die portalen gaan naar een ander portaal, of zien de link niet.",
        "Deze pagina linkt naar \u2018Stadskanaal\u2019. Die staat niet op het portaal Drenthe. "
        "Bezoekers van dat portaal gaan naar een ander portaal, of zien de link niet.",
    ]

    # Shown in Groningen only, the page links to nothing off its portal but the draft.
    response = edit(
        client,
        page,
        regions=[groningen.region],
        body=[("button", {"label": "Stadskanaal", "page": stadskanaal.pk})],
    )
    assert warnings(response) == []
