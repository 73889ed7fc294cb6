"""Encoded queries and sysparms: parsing ServiceNow's query language and compiling it to SQL."""
