// What every command file needs around the engine: parameters named as the front doors show them,
// flag conflicts, engine errors as input errors, jobs run to the end, and JSON for absent values.
#pragma once

#include "core/base/job.h"
#include "core/base/memory_budget.h"
#include "query/query.h"

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <utility>

namespace slingshot {

// A parameter as messages name it: the CLI flag ("--n"); Slingshot.query takes the same names.
std::string flag(const std::string& name);

// QueryError when both x and y are given.
void exclusive(const Args& a, const std::string& x, const std::string& y);

// The engine re-checks its preconditions; std::invalid_argument from it becomes a QueryError
// "command: reason" so bad input is reported, never a crash.
std::function<Json(const Args&)> guarded(const std::string& command, Json (*run)(const Args&));

Json finiteOrNull(double v);                          // null for inf / NaN (no guarantee)
Json optionalOrNull(const std::optional<double>& v);  // null for none

// Constructs a job and runs it to the end; construction errors (bad parameters, memory budget)
// and a job that fails become QueryErrors with the engine's message.
template <class J, class... A>
std::unique_ptr<J> runJob(A&&... args) {
    std::unique_ptr<J> job;
    try {
        job = std::make_unique<J>(std::forward<A>(args)...);
    } catch (const std::invalid_argument& e) {
        throw QueryError(e.what());
    } catch (const MemoryBudgetError& e) {
        throw QueryError(e.what());
    }
    job->runToEnd();
    if (job->state() != JobState::Done) throw QueryError(job->error());
    return job;
}

}  // namespace slingshot
