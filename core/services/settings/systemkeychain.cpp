#include "settings/systemkeychain.h"

#include "secrets/keychainsecretstore.h"

namespace tagdesk {

std::unique_ptr<SecretStore> systemKeychain() {
    return std::make_unique<KeychainSecretStore>();
}

} // namespace tagdesk
