"""Django settings, read from the environment (see env.py and docs in README).

CHITIEU_DATA_DIR (default ./data), DATABASE_URL (sqlite:///… or postgres://…),
CHITIEU_SECRET_KEY, CHITIEU_DEBUG, CHITIEU_ALLOWED_HOSTS.
"""

from __future__ import annotations

from pathlib import Path

from chitieu.web import env
from chitieu.web.csp import csp_policy
from chitieu.web.scale.replica import replica_databases

PACKAGE_DIR = Path(__file__).resolve().parent
DATA_DIR = env.data_dir()

SECRET_KEY = env.secret_key()
DEBUG = env.env_bool("CHITIEU_DEBUG", False)
ALLOWED_HOSTS = env.env_list("CHITIEU_ALLOWED_HOSTS", ["127.0.0.1", "localhost", "[::1]"])
CSRF_TRUSTED_ORIGINS = env.env_list("CHITIEU_CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "ninja",  # its templates and static files: the Swagger UI is served locally, no CDN
    "chitieu.web",
    "chitieu.web.scale",  # bulk load, roll-up summary, read-replica router
    "chitieu.web.planning",  # term targets, forecasts, tasks, reporting calendar
    "chitieu.web.pagecache",  # cached public dashboards, versions bumped on every change
]

MIDDLEWARE = [
    "chitieu.web.security.RequestSizeLimitMiddleware",  # 413 before a huge body is read
    "django.middleware.security.SecurityMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # Vietnamese unless the user picked English (not the browser's Accept-Language).
    "chitieu.web.middleware.ChosenLanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "chitieu.web.audit.AuditMiddleware",  # who and from where, for the audit trail
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

ROOT_URLCONF = "chitieu.web.urls"
WSGI_APPLICATION = "chitieu.web.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
            ],
        },
    }
]

DATABASES = {"default": env.database(), **replica_databases()}  # + DATABASE_REPLICA_URL
DATABASE_ROUTERS = ["chitieu.web.scale.routers.ReplicaRouter"]
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Argon2 first (strong, memory-hard); PBKDF2 stays so hashes made elsewhere still verify.
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "resolution_list"
LOGOUT_REDIRECT_URL = "login"

# Vietnamese first; English available through the language switch.
LANGUAGE_CODE = "vi"
LANGUAGES = [("vi", "Tiếng Việt"), ("en", "English")]
LOCALE_PATHS = [PACKAGE_DIR / "locale"]
USE_I18N = True
TIME_ZONE = "Asia/Ho_Chi_Minh"
USE_TZ = True
# 1.234.567,89 from Django's own number formatting (forms, templates).
USE_THOUSAND_SEPARATOR = True
NUMBER_GROUPING = 3

STATIC_URL = "static/"
STATIC_ROOT = DATA_DIR / "static"

SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SECURE = env.env_bool("CHITIEU_SECURE_COOKIES", False)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
X_FRAME_OPTIONS = "DENY"

# Hardening (docs/security.md). A session lasts one working day; a browser left open
# overnight in a shared office is logged out.
SESSION_COOKIE_AGE = int(env.env_str("CHITIEU_SESSION_SECONDS", str(8 * 3600)))
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_HTTPONLY = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
SECURE_CSP = csp_policy()
# Behind HTTPS (a reverse proxy that sets X-Forwarded-Proto): redirect and HSTS too.
CHITIEU_HTTPS = env.env_bool("CHITIEU_HTTPS", SESSION_COOKIE_SECURE)
if CHITIEU_HTTPS:
    SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = True
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_SSL_REDIRECT = True
    SECURE_HSTS_SECONDS = int(env.env_str("CHITIEU_HSTS_SECONDS", str(365 * 24 * 3600)))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = env.env_bool("CHITIEU_HSTS_SUBDOMAINS", True)
    SECURE_HSTS_PRELOAD = env.env_bool("CHITIEU_HSTS_PRELOAD", True)  # allows, never submits
# Login throttling: wrong-password counters shared by all gunicorn workers (a file cache).
AUTHENTICATION_BACKENDS = ["chitieu.web.security.ThrottledModelBackend"]
CHITIEU_TRUST_X_FORWARDED_FOR = env.env_bool("CHITIEU_TRUST_X_FORWARDED_FOR", False)
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    "throttle": {
        "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
        "LOCATION": str(DATA_DIR / "throttle"),
    },
    # Rendered public dashboards (chitieu.web.pagecache). Files: shared by every gunicorn
    # worker on the host (a page is built once, not once per worker), bounded, no extra
    # service. Freshness does not depend on this store: the key holds versions kept in the
    # database and bumped in the writing transaction (docs/scale.md). The timeout only bounds
    # writes that bypass the ORM's signals (raw SQL, bulk loads).
    "dashboard": {
        "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
        "LOCATION": str(DATA_DIR / "cache" / "dashboard"),
        "TIMEOUT": 3600,
        "OPTIONS": {"MAX_ENTRIES": 20000},
    },
}
# Uploads: a resolution or a results table is a few MB (chitieu.filesafety checks contents).
CHITIEU_MAX_UPLOAD_BYTES = int(env.env_str("CHITIEU_MAX_UPLOAD_BYTES", str(20 * 1024 * 1024)))

# E-mail (reminders from `chitieu remind`): printed on the console unless CHITIEU_EMAIL_HOST
# names an SMTP server. Django 6.1's MAILERS (the EMAIL_* settings are deprecated).
_SMTP_HOST = env.env_str("CHITIEU_EMAIL_HOST", "")
MAILERS = {
    "default": {
        "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
        "OPTIONS": {
            "host": _SMTP_HOST,
            "port": int(env.env_str("CHITIEU_EMAIL_PORT", "25")),
            "username": env.env_str("CHITIEU_EMAIL_USER", ""),
            "password": env.env_str("CHITIEU_EMAIL_PASSWORD", ""),
            "use_tls": env.env_bool("CHITIEU_EMAIL_TLS", False),
        },
    }
    if _SMTP_HOST
    else {"BACKEND": "django.core.mail.backends.console.EmailBackend"}
}
DEFAULT_FROM_EMAIL = env.env_str("CHITIEU_EMAIL_FROM", "chitieu@localhost")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env.env_str("CHITIEU_LOG_LEVEL", "WARNING")},
}
