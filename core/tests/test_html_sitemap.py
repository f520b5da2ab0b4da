"""/sitemap/: the public pages of both portals, grouped per portal and section."""

import re

import pytest

from .factories import create_content_page, shared_root


def portal_links(html: str) -> list[list[str]]:
    """Per portal section of the page, the addresses it links to."""
    parts = html.split('<section class="sitemap"')[1:]
    return [re.findall(r'<a href="([^"]+)"', part.split("</section>")[0]) for part in parts]


def test_sitemap_lists_each_portals_pages_with_that_portals_address(client, groningen, drenthe):
    both = [groningen.region, drenthe.region]
    over = create_content_page(parent=shared_root(), slug="over", regions=both)
    create_content_page(parent=over, slug="team", regions=both)
    create_content_page(parent=shared_root(), slug="alleen-drenthe", regions=[drenthe.region])
    create_content_page(parent=groningen, slug="in-groningen", regions=[groningen.region])
    create_content_page(parent=shared_root(), slug="concept", regions=both, live=False)

    response = client.get("/sitemap/")
    assert response.status_code == 200
    groningen_links, drenthe_links = portal_links(response.content.decode())
    assert groningen_links == [
        "http://groningen.localhost/",
        "http://groningen.localhost/in-groningen/",
        "http://groningen.localhost/over/",
        "http://groningen.localhost/over/team/",
    ]
    assert drenthe_links == [
        "http://drenthe.localhost/",
        "http://drenthe.localhost/over/",
        "http://drenthe.localhost/over/team/",
        "http://drenthe.localhost/alleen-drenthe/",
    ]
    # Linked from every page's footer.
    assert 'href="/sitemap/"' in client.get("/over/").content.decode()


@pytest.mark.parametrize("count", [10, 100])
def test_sitemap_queries_do_not_grow_with_pages(
    client, groningen, drenthe, django_assert_num_queries, count
):
    for number in range(count):
        create_content_page(
            parent=shared_root(), slug=f"pagina-{number}", regions=[groningen.region]
        )
    client.get("/sitemap/?v=0")
    with django_assert_num_queries(9):
        response = client.get("/sitemap/?v=1")
    assert len(portal_links(response.content.decode())[0]) == count + 1
