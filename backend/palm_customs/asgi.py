"""The ASGI entry point for uvicorn workers: settings come from the environment."""

from palm_customs.app import create_app

app = create_app()
