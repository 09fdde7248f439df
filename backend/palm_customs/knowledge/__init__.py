"""The 12360 knowledge base: articles, and one search over articles, catalogue items, duty
categories and policy notices that understands customs words."""
