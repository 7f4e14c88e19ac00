#pragma once

#include "domain/secretstore.h"

#include <memory>

namespace tagdesk {

// The operating system's keychain (libsecret, macOS Keychain, Windows Credential Store),
// for the programs' saved accounts. There is no plain-text fallback: without a keychain,
// reads and writes fail with a message that says so.
std::unique_ptr<SecretStore> systemKeychain();

} // namespace tagdesk
