#pragma once

#include "domain/suggestion.h"
#include "pipeline/jobreader.h"

#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace tagdesk::cli {

// The JSON shapes of the CLI contract (README "Command line").
QJsonObject countsJson(const ProductTally &tally);
QJsonObject jobJson(const JobSummary &summary);
QJsonObject jobDetailJson(const JobSummary &summary, const QList<JobProduct> &products,
                          const QHash<QString, QList<Suggestion>> &suggestions);

// The plain-text shapes, for people at a terminal.
QString jobTable(const QList<JobSummary> &jobs);
QString jobDetailText(const JobSummary &summary, const QList<JobProduct> &products,
                      const QHash<QString, QList<Suggestion>> &suggestions);

} // namespace tagdesk::cli
