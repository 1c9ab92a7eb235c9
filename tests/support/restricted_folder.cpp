#include "restricted_folder.h"

#include <QDir>
#include <QFile>

#include <cerrno>
#include <cstring>

#include <sys/mount.h>
#include <sys/stat.h>
#include <unistd.h>

namespace fs::test {

namespace {

QString reason(const char *what)
{
    return QStringLiteral("%1: %2").arg(QLatin1String(what), QString::fromLocal8Bit(std::strerror(errno)));
}

} // namespace

RestrictedFolder::RestrictedFolder(Kind kind, const QString &parent)
{
    const QString name = kind == Kind::Full ? QStringLiteral("full") : QStringLiteral("readonly");
    m_path = QDir(parent).filePath(name);
    if (!QDir().mkpath(m_path)) {
        m_why = QStringLiteral("cannot create ") + m_path;
        return;
    }
    const QByteArray target = QFile::encodeName(m_path);
    if (::geteuid() != 0) {
        if (kind == Kind::Full) {
            m_why = QStringLiteral("a full folder needs a small tmpfs, and mounting one needs root");
            return;
        }
        if (::chmod(target.constData(), 0555) != 0)
            m_why = reason("chmod 0555");
        return;
    }
    if (kind == Kind::Full) {
        if (::mount("tmpfs", target.constData(), "tmpfs", 0, "size=64k") != 0) {
            m_why = reason("mount -t tmpfs -o size=64k");
            return;
        }
        m_mounted = true;
        // Fill it: a tmpfs of 64 KiB takes a few pages, then refuses every byte more.
        QFile filler(m_path + QStringLiteral("/filler"));
        if (!filler.open(QIODevice::WriteOnly)) {
            m_why = QStringLiteral("cannot fill the tmpfs: ") + filler.errorString();
            return;
        }
        const QByteArray block(4096, 'x');
        while (filler.write(block) == block.size() && filler.flush()) {
        }
        filler.close();
        return;
    }
    m_source = QDir(parent).filePath(name + QStringLiteral("-source"));
    QDir().mkpath(m_source);
    const QByteArray source = QFile::encodeName(m_source);
    if (::mount(source.constData(), target.constData(), nullptr, MS_BIND, nullptr) != 0) {
        m_why = reason("mount --bind");
        return;
    }
    m_mounted = true;
    if (::mount(nullptr, target.constData(), nullptr, MS_BIND | MS_REMOUNT | MS_RDONLY, nullptr) != 0)
        m_why = reason("mount -o remount,bind,ro");
}

RestrictedFolder::~RestrictedFolder()
{
    const QByteArray target = QFile::encodeName(m_path);
    if (m_mounted)
        ::umount2(target.constData(), MNT_DETACH);
    else if (!m_path.isEmpty())
        ::chmod(target.constData(), 0755);
}

} // namespace fs::test
