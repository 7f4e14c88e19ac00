#include "storage/jobleaserepository.h"

#include "util/processliveness.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QSysInfo>
#include <QUuid>

namespace tagdesk {

namespace {
struct Texts {
    Q_DECLARE_TR_FUNCTIONS(JobLeaseRepository)
};

const QString columns =
    QStringLiteral("job_id, lease_id, work, program, host, pid, acquired_at, renewed_at");

JobLease leaseFromRow(const QSqlQuery &q) {
    JobLease l;
    l.jobId = q.value(0).toLongLong();
    l.leaseId = q.value(1).toString();
    l.work = q.value(2).toString();
    l.program = q.value(3).toString();
    l.host = q.value(4).toString();
    l.pid = q.value(5).toLongLong();
    l.acquiredAt = fromDbTime(q.value(6));
    l.renewedAt = fromDbTime(q.value(7));
    return l;
}
} // namespace

JobLease JobLease::forThisProcess(qint64 jobId, const QString &work, const QDateTime &now) {
    JobLease l;
    l.jobId = jobId;
    l.leaseId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    l.work = work;
    // The program's own file name ("tagdesk-cli", "tagdesk"): the application name is the
    // same for the window and the CLI, which share their settings.
    l.program = QFileInfo(QCoreApplication::applicationFilePath()).completeBaseName();
    l.host = QSysInfo::machineHostName();
    l.pid = QCoreApplication::applicationPid();
    l.acquiredAt = now;
    l.renewedAt = now;
    return l;
}

bool JobLease::isLive(const QDateTime &now) const {
    if (renewedAt.secsTo(now) >= JobLeaseRepository::expiresAfter.count())
        return false;
    // A process id means something only on its own computer.
    if (host == QSysInfo::machineHostName() && !isProcessAlive(pid))
        return false;
    return true;
}

QString JobLease::holderText() const {
    return Texts::tr("%1 (process %2 on %3)").arg(program).arg(pid).arg(host);
}

Result<std::optional<JobLease>> JobLeaseRepository::acquire(const JobLease &wanted) {
    auto current = holder(wanted.jobId);
    if (!current)
        return current.error();
    if (current.value()) {
        if (current.value()->isLive(wanted.acquiredAt))
            return current;
        // Stale: only that very lease is removed, so a program that took it meanwhile
        // keeps it.
        if (auto gone = runSql(m_conn.db(),
                               QStringLiteral("DELETE FROM job_leases WHERE job_id = ? AND "
                                              "lease_id = ?"),
                               {wanted.jobId, current.value()->leaseId},
                               Texts::tr("taking over a stale lease of job %1").arg(wanted.jobId));
            !gone)
            return gone.error();
    }
    auto inserted = runSql(
        m_conn.db(),
        QStringLiteral("INSERT INTO job_leases (%1) VALUES (?, ?, ?, ?, ?, ?, ?, ?) "
                       "ON CONFLICT (job_id) DO NOTHING")
            .arg(columns),
        {wanted.jobId, wanted.leaseId, wanted.work, sqlValue(wanted.program), sqlValue(wanted.host),
         wanted.pid, toDbTime(wanted.acquiredAt), toDbTime(wanted.renewedAt)},
        Texts::tr("taking the lease of job %1").arg(wanted.jobId));
    if (!inserted)
        return inserted.error();
    if (inserted->numRowsAffected() == 1)
        return std::optional<JobLease>();
    // Another program took it between our read and our write.
    return holder(wanted.jobId);
}

Result<bool> JobLeaseRepository::renew(qint64 jobId, const QString &leaseId, const QDateTime &now) {
    auto q = runSql(m_conn.db(),
                    QStringLiteral("UPDATE job_leases SET renewed_at = ? WHERE job_id = ? AND "
                                   "lease_id = ?"),
                    {toDbTime(now), jobId, leaseId},
                    Texts::tr("renewing the lease of job %1").arg(jobId));
    if (!q)
        return q.error();
    return q->numRowsAffected() == 1;
}

Status JobLeaseRepository::release(qint64 jobId, const QString &leaseId) {
    auto q = runSql(m_conn.db(),
                    QStringLiteral("DELETE FROM job_leases WHERE job_id = ? AND lease_id = ?"),
                    {jobId, leaseId}, Texts::tr("ending the lease of job %1").arg(jobId));
    if (!q)
        return q.error();
    return {};
}

Result<std::optional<JobLease>> JobLeaseRepository::holder(qint64 jobId) {
    auto q = runSql(m_conn.db(),
                    QStringLiteral("SELECT %1 FROM job_leases WHERE job_id = ?").arg(columns),
                    {jobId}, Texts::tr("reading who works on job %1").arg(jobId));
    if (!q)
        return q.error();
    if (!q->next())
        return std::optional<JobLease>();
    return std::optional<JobLease>(leaseFromRow(q.value()));
}

} // namespace tagdesk
