"""Byte-range requests for served files, so that seeking in audio and video works.

Django's file responses (media files, Wagtail documents) always send the whole file; this
middleware answers a single "Range: bytes=a-b" with 206 Partial Content instead.
"""

import re
from collections.abc import Callable

from django.http import FileResponse, HttpRequest, HttpResponse, StreamingHttpResponse

RANGE = re.compile(r"^bytes=(\d*)-(\d*)$")
CHUNK = 64 * 1024


def _read(file, start: int, length: int):  # type: ignore[no-untyped-def]
    file.seek(start)
    while length > 0:
        data = file.read(min(CHUNK, length))
        if not data:
            break
        length -= len(data)
        yield data
    file.close()


class RangeRequestMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse | StreamingHttpResponse:
        response = self.get_response(request)
        if not isinstance(response, FileResponse) or response.status_code != 200:
            return response
        response["Accept-Ranges"] = "bytes"
        match = RANGE.match(request.headers.get("Range", "").strip())
        file = getattr(response, "file_to_stream", None)
        size = int(response.get("Content-Length") or 0)
        if not match or file is None or not size or not hasattr(file, "seek"):
            return response
        first, last = match.groups()
        if first:
            start, end = int(first), min(int(last) if last else size - 1, size - 1)
        elif last:
            start, end = max(size - int(last), 0), size - 1
        else:
            return response
        if start > end or start >= size:
            unsatisfiable = HttpResponse(status=416)
            unsatisfiable["Content-Range"] = f"bytes */{size}"
            file.close()
            return unsatisfiable
        partial = StreamingHttpResponse(_read(file, start, end - start + 1), status=206)
        for header, value in response.items():
            if header.lower() != "content-length":
                partial[header] = value
        partial["Content-Range"] = f"bytes {start}-{end}/{size}"
        partial["Content-Length"] = str(end - start + 1)
        return partial
