"""leokop: digital cooperation between vocational school and training company."""
