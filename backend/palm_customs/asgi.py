"""The ASGI entry point for uvicorn workers: settings come from the environment."""

from palm_customs.app import create_app
from palm_customs.core.logs import configure_logging
from palm_customs.settings import load_settings

settings = load_settings()
configure_logging(json_lines=settings.is_production, level=settings.log_level)
app = create_app(settings)
