"""Uploads in an S3-compatible bucket, addressed under the platform's own media address.

The proxy in front of the platform passes `<prefix>/media/` on to the bucket
(docs/nginx/lerenoverarmoede.conf), so images, audio and video come from the portal's own
host and path prefix: the content security policy allows them ('self'), links stay under
the prefix, and the bucket itself answers range requests (seeking in audio and video) and
carries the load. Wagtail documents redirect there after their permission check.
"""

from typing import Any

from django.conf import settings
from django.utils.encoding import filepath_to_uri
from storages.backends.s3 import S3Storage


class ProxiedS3Storage(S3Storage):
    def url(
        self, name: str, parameters: Any = None, expire: Any = None, http_method: Any = None
    ) -> str:
        # MEDIA_URL carries the path prefix.
        return str(settings.MEDIA_URL) + filepath_to_uri(name.lstrip("/"))
