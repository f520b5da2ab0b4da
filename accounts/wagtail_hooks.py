from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from core.privacy import Holding, PersonalData, Removal

from . import services, views


@hooks.register("register_admin_urls")
def register_merge_url() -> list:
    return [
        path(
            "andere-organisaties/",
            views.merge_other_organisations,
            name="accounts_merge_other_organisations",
        )
    ]


class ProfileMenuItem(MenuItem):
    def is_shown(self, request) -> bool:  # type: ignore[no-untyped-def]
        return request.user.has_perm("accounts.change_profile")


@hooks.register("register_settings_menu_item")
def register_merge_menu_item() -> MenuItem:
    return ProfileMenuItem(
        _("Other organisations"),
        reverse("accounts_merge_other_organisations"),
        icon_name="group",
        order=900,
    )


@hooks.register("personal_data")
def personal_data() -> list[PersonalData]:
    return [
        PersonalData(
            export=services.personal_data,
            holdings=[
                Holding(relation="auth.User.groups", removal=Removal.DELETE, section="account"),
                Holding(
                    relation="auth.User.user_permissions",
                    removal=Removal.DELETE,
                    section="account",
                ),
                Holding(
                    relation="account.EmailAddress.user",
                    removal=Removal.DELETE,
                    section="email_addresses",
                ),
                Holding(
                    relation="mfa.Authenticator.user",
                    removal=Removal.DELETE,
                    section="second_factor",
                ),
                Holding(
                    relation="socialaccount.SocialAccount.user",
                    removal=Removal.DELETE,
                    section="organisation_sign_ins",
                ),
                Holding(
                    relation="accounts.Profile.user", removal=Removal.DELETE, section="profile"
                ),
            ],
        )
    ]
