"""Cleaning and description: boilerplate removal, language, publish date, outlet, authors, title."""

from storyweave.clean.boilerplate import BoilerplateFilter, Stripped
from storyweave.clean.cleaner import Cleaner
from storyweave.clean.dates import DateFinder
from storyweave.clean.html import HtmlExtractor, PageContent
from storyweave.clean.language import DEFAULT_LANGUAGES, LanguageIdentifier
from storyweave.clean.outlet import (
    Outlet,
    OutletFinder,
    display_name,
    name_key,
    outlet_key,
    registered_domain,
)
from storyweave.clean.recurrent import RecurrentLines

__all__ = [
    "DEFAULT_LANGUAGES",
    "BoilerplateFilter",
    "Cleaner",
    "DateFinder",
    "HtmlExtractor",
    "LanguageIdentifier",
    "Outlet",
    "OutletFinder",
    "PageContent",
    "RecurrentLines",
    "Stripped",
    "display_name",
    "name_key",
    "outlet_key",
    "registered_domain",
]
