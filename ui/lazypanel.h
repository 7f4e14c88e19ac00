#pragma once

#include <functional>
#include <utility>

namespace tagdesk::ui {

// A panel the window builds the first time it is asked for, not before. The job view and
// the review are not on screen when Tagdesk starts (the job list is), so building them
// with the window only delays its first paint (BENCHMARKS.md, P7). The factory also puts
// the panel in its place and wires it; the panel belongs to its Qt parent.
template <typename Panel> class LazyPanel {
public:
    explicit LazyPanel(std::function<Panel *()> build)
        : m_build(std::move(build)) {}

    // The panel, built now if it was not yet.
    Panel *get() {
        if (!m_panel)
            m_panel = m_build();
        return m_panel;
    }
    // The panel if it was built, else nullptr (for what only concerns a panel in use).
    Panel *ifBuilt() const { return m_panel; }

private:
    std::function<Panel *()> m_build;
    Panel *m_panel = nullptr;
};

} // namespace tagdesk::ui
