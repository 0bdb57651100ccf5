import CNcursesw
// The Terminal module; see README.md.
