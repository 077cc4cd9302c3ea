// Trunk's post-build hook (Trunk.toml), one script so its steps run in order: the integrity
// hashes go into index.html first, then every file gets its compressed copies.
import './sri.mjs';
import './compress.mjs';
