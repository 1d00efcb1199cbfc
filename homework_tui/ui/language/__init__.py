"""The interface in the person's language: key descriptions where screens list their keys, and
dates as lists and headings write them."""
