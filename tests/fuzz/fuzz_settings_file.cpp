// The settings file (QSettings' INI format, as Linux keeps it) read into Preferences by
// the one loader of them, with an empty environment.

#include "fuzzsupport.h"

#include "common/preferencesloader.h"

#include <QFile>
#include <QProcessEnvironment>
#include <QSettings>
#include <QTemporaryDir>

using namespace tagdesk;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    static QTemporaryDir folder;
    const QString path = folder.filePath(QStringLiteral("Tagdesk.conf"));
    {
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
            return 0;
        file.write(reinterpret_cast<const char *>(data), qint64(size));
    }
    const QSettings settings(path, QSettings::IniFormat);
    (void)preferencesloader::load(settings, QProcessEnvironment());
    return 0;
}
