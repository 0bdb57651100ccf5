print("streamstage")
