#pragma once

#include "storage/connection.h"

#include <QDateTime>
#include <QString>

#include <chrono>
#include <optional>

namespace tagdesk {

// Who is working on a job: one program at a time may run, sync, revert or settle a job,
// whichever computer or process it is (two windows, a window and the CLI, two CLIs on a
// shared PostgreSQL database). The holder renews its lease while it works; a lease not
// renewed for JobLeaseRepository::expiresAfter, or held by a process of this computer that
// is gone (killed, crashed), is free to take.
struct JobLease {
    qint64 jobId = 0;
    QString leaseId = {}; // this holding's own id, so only its holder renews or ends it
    QString work = {};    // what the holder is doing: "run", "push", "revert", "resolve"
    QString program = {}; // "tagdesk-cli", "tagdesk"
    QString host = {};    // the holder's computer (QSysInfo::machineHostName)
    qint64 pid = 0;       // the holder's process on that computer
    QDateTime acquiredAt = {};
    QDateTime renewedAt = {};

    // This process, about to do `work` on `jobId`, with a new lease id.
    static JobLease forThisProcess(qint64 jobId, const QString &work, const QDateTime &now);
    // Whether the lease still holds at `now`: renewed recently, and not held by a process of
    // this computer that has gone.
    bool isLive(const QDateTime &now) const;
    // "tagdesk-cli (process 4242 on build-7)".
    QString holderText() const;
};

class JobLeaseRepository {
public:
    // A holder renews every renewEvery; a lease not renewed for expiresAfter is stale.
    static constexpr std::chrono::seconds renewEvery{15};
    static constexpr std::chrono::seconds expiresAfter{60};

    explicit JobLeaseRepository(Connection &conn)
        : m_conn(conn) {}

    // Takes the job's lease as `wanted` describes it, replacing a stale one; if a live
    // holder has it, nothing changes and that holder is given back.
    Result<std::optional<JobLease>> acquire(const JobLease &wanted);
    // Moves the lease's renewedAt to `now`; false when the lease is no longer this
    // holder's (it went stale and another program took the job).
    Result<bool> renew(qint64 jobId, const QString &leaseId, const QDateTime &now);
    // Ends the lease, if it is still this holder's.
    Status release(qint64 jobId, const QString &leaseId);
    Result<std::optional<JobLease>> holder(qint64 jobId);

private:
    Connection &m_conn;
};

} // namespace tagdesk
