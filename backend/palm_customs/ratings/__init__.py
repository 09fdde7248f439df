"""Public rating of services (好差评): one rating per completed thing, changeable for a while."""
