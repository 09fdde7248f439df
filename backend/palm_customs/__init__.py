"""Palm Customs (掌上海关): the GraphQL server behind the PWA."""

__version__ = "0.1.0"
