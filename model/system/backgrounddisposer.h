// SPDX-License-Identifier: MIT
#pragma once

#include <condition_variable>
#include <deque>
#include <mutex>
#include <thread>
#include <utility>

namespace Mesh {

/**
 * Frees values on a thread of its own. A bulk load that is done with a page of 5,000 parsed
 * products spends ~40 ms in the thousands of free() calls of its strings and lists, on the
 * thread that writes the catalog and so sets the pace; handed here, they are freed on the other
 * core while the next page is written. The destructor waits until everything handed over is
 * freed. The values must not be shared with anything still in use on another thread (a Qt
 * container's implicitly shared data is fine once every other copy is gone).
 */
template <typename T> class BackgroundDisposer
{
public:
    BackgroundDisposer() : m_thread([this] { run(); }) {}
    ~BackgroundDisposer()
    {
        {
            std::lock_guard lock(m_mutex);
            m_closed = true;
        }
        m_changed.notify_one();
        m_thread.join();
    }
    BackgroundDisposer(const BackgroundDisposer &) = delete;
    BackgroundDisposer &operator=(const BackgroundDisposer &) = delete;

    /** Takes value away (it is left default-constructed) and frees it later. */
    void dispose(T &value)
    {
        T taken = std::exchange(value, T{});
        {
            std::lock_guard lock(m_mutex);
            m_waiting.push_back(std::move(taken));
        }
        m_changed.notify_one();
    }

private:
    void run()
    {
        for (;;) {
            std::deque<T> batch;
            {
                std::unique_lock lock(m_mutex);
                m_changed.wait(lock, [this] { return !m_waiting.empty() || m_closed; });
                if (m_waiting.empty())
                    return; // closed, and nothing left
                batch.swap(m_waiting);
            }
            batch.clear(); // the frees, outside the lock
        }
    }

    std::mutex m_mutex;
    std::condition_variable m_changed;
    std::deque<T> m_waiting;
    bool m_closed = false;
    std::thread m_thread; // last: started once the members above exist
};

} // namespace Mesh
