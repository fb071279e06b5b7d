#include "sync/TokenKeychain.h"

#include <qt6keychain/keychain.h>

namespace gongdan {

TokenKeychain::TokenKeychain(QString service, QObject* parent) : QObject(parent), m_service(std::move(service)) { }

void TokenKeychain::store(const QString& account, const QString& token)
{
    auto* job = new QKeychain::WritePasswordJob(m_service, this);
    job->setKey(account);
    job->setTextData(token);
    connect(job, &QKeychain::Job::finished, this,
        [this](QKeychain::Job* done) { Q_EMIT stored(done->error() == QKeychain::NoError, done->errorString()); });
    job->start();
}

void TokenKeychain::load(const QString& account)
{
    auto* job = new QKeychain::ReadPasswordJob(m_service, this);
    job->setKey(account);
    connect(job, &QKeychain::Job::finished, this, [this](QKeychain::Job* done) {
        const auto* read = static_cast<QKeychain::ReadPasswordJob*>(done);
        if (done->error() == QKeychain::NoError)
            Q_EMIT loaded(read->textData(), QString());
        else
            Q_EMIT loaded(QString(), done->error() == QKeychain::EntryNotFound ? QString() : done->errorString());
    });
    job->start();
}

void TokenKeychain::forget(const QString& account)
{
    auto* job = new QKeychain::DeletePasswordJob(m_service, this);
    job->setKey(account);
    connect(job, &QKeychain::Job::finished, this, [this](QKeychain::Job*) { Q_EMIT forgotten(); });
    job->start();
}

} // namespace gongdan
