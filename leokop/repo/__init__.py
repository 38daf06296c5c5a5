"""All SQL of the app, one module per aggregate. Every function takes the Database and the acting user."""
