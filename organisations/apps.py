from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OrganisationsConfig(AppConfig):
    name = "organisations"
    verbose_name = _("Organisations")

    def ready(self) -> None:
        from . import signals  # noqa: F401  (connects allauth's signals)

        # Connects the receiver that puts people signed in by their organisation's
        # provider in that organisation.
        from .sign_in import adapter  # noqa: F401
