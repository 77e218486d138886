from storyweave.store.base import ArticleQuery, Store, StoredArticle, WriteBatch
from storyweave.store.sqlite import SQLiteStore

__all__ = ["ArticleQuery", "SQLiteStore", "Store", "StoredArticle", "WriteBatch"]
