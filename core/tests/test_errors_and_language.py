from django.core.exceptions import PermissionDenied
from django.template.loader import render_to_string
from django.views.defaults import permission_denied


def test_missing_page_gets_a_friendly_dutch_404_in_the_layout(client, groningen):
    response = client.get("/bestaat-niet/")
    assert response.status_code == 404
    html = response.content.decode()
    assert "<h1>Pagina niet gevonden</h1>" in html
    assert 'class="main-nav"' in html
    assert "Ga direct naar de inhoud" in html


def test_forbidden_page_is_dutch(groningen, rf):
    request = rf.get("/")
    request.region = groningen.region
    response = permission_denied(request, PermissionDenied())
    assert response.status_code == 403
    assert "Geen toegang" in response.content.decode()


def test_server_error_page_renders_without_request_or_database():
    # No db fixture: pytest-django fails this test if the template touches the database.
    html = render_to_string("500.html")
    assert "<h1>Er ging iets mis</h1>" in html
    assert "main-nav" not in html


def test_dutch_is_the_default_even_for_an_english_browser(client, groningen):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="en-GB,en;q=0.9")
    assert response["Content-Language"] == "nl"
    assert '<html lang="nl"' in response.content.decode()
    assert "Ga direct naar de inhoud" in response.content.decode()


def test_visitor_can_switch_to_english_and_back(client, groningen):
    response = client.post("/taal/", {"language": "en", "next": "/"})
    assert response.status_code == 302
    html = client.get("/").content.decode()
    assert '<html lang="en"' in html
    assert "Skip to content" in html
    client.post("/taal/", {"language": "nl", "next": "/"})
    assert '<html lang="nl"' in client.get("/").content.decode()


def test_security_headers_are_sent(client, groningen):
    response = client.get("/")
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert "script-src 'self'" in response["Content-Security-Policy"]
    assert "frame-ancestors 'none'" in response["Content-Security-Policy"]


def test_public_pages_carry_no_csrf_token_so_they_can_be_cached(client, groningen):
    assert "csrfmiddlewaretoken" not in client.get("/").content.decode()
