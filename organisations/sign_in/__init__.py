"""Sign-in with the organisation's own account: OpenID Connect through allauth.

An organisation's administrator sets up its provider (a municipality's Microsoft Entra ID,
for example) at /mijn/organisatie/inloggen/ (`views.settings_page`, `services.configure`).
On the log-in page a person types their work address; when its domain is one the
organisation switched the sign-in on for, they go to that provider (`views.start`). allauth
runs the authorization code flow; `adapter.SocialAccountAdapter` refuses an address the
provider did not verify or that is not at one of those domains, and after the log-in the
person lands in the organisation (`services.join_after_sign_in`).

Signing in through the organisation's provider is the first step only: the platform cannot
see how the provider checked the person, so the second factor (accounts.mfa) still applies
exactly as after a password: allauth asks for the code at log-in when the person has an
authenticator app, and every right beyond a learner's own asks for it in the session.

SAML is not supported (yet).
"""
