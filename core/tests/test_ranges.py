from django.core.files.base import ContentFile
from django.core.files.storage import default_storage


def test_media_answers_range_requests_so_seeking_works(client, groningen):
    name = default_storage.save("audio/fragment.ogg", ContentFile(bytes(range(256)) * 40))
    url = f"/media/{name}"
    whole = client.get(url)
    assert whole.status_code == 200
    assert whole["Accept-Ranges"] == "bytes"

    part = client.get(url, HTTP_RANGE="bytes=100-199")
    assert part.status_code == 206
    assert part["Content-Range"] == "bytes 100-199/10240"
    assert part["Content-Length"] == "100"
    assert b"".join(part.streaming_content) == (bytes(range(256)) * 40)[100:200]

    tail = client.get(url, HTTP_RANGE="bytes=-10")
    assert tail["Content-Range"] == "bytes 10230-10239/10240"

    assert client.get(url, HTTP_RANGE="bytes=20000-").status_code == 416
    assert client.get(url, HTTP_RANGE="bytes=abc").status_code == 200
