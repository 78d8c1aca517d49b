import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What the process and the machine did between two moments: the process's CPU (`getrusage`: user,
/// system, page faults, context switches, peak memory) and the machine's (`/proc/stat`: every process's
/// busy time and the time the hypervisor stole from this virtual machine). A throughput figure that moves
/// between runs is explained by these: the same CPU a case at a lower rate means the process got less of
/// the cores (others' load, steal); more CPU a case means the work itself changed (faults, contention).
struct UsageSample {
    var wall: ContinuousClock.Instant
    var user: Double
    var system: Double
    var minorFaults: Int
    var majorFaults: Int
    var voluntarySwitches: Int
    var involuntarySwitches: Int
    var maxResidentKB: Int
    /// `/proc/stat`'s first line in seconds: every CPU's busy time (user + nice + system + irq + softirq),
    /// idle (+ iowait), and steal; `nil` where there is no `/proc/stat`.
    var machine: (busy: Double, idle: Double, steal: Double)?

    static func now() -> UsageSample {
        let usage = resourceUsage()
        return UsageSample(
            wall: .now, user: usage.ru_utime.seconds, system: usage.ru_stime.seconds,
            minorFaults: usage.ru_minflt, majorFaults: usage.ru_majflt,
            voluntarySwitches: usage.ru_nvcsw, involuntarySwitches: usage.ru_nivcsw,
            maxResidentKB: usage.ru_maxrss, machine: machineTimes()
        )
    }

    static func machineTimes() -> (busy: Double, idle: Double, steal: Double)? {
        guard let text = try? String(contentsOfFile: "/proc/stat", encoding: .utf8),
            let line = text.split(separator: "\n").first, line.hasPrefix("cpu ")
        else { return nil }
        let ticks = line.split(separator: " ").dropFirst().compactMap { Double($0) }
        guard ticks.count >= 8 else { return nil }
        let hz = Double(sysconf(Int32(_SC_CLK_TCK)))
        // user nice system idle iowait irq softirq steal (guest time is inside user already)
        return ((ticks[0] + ticks[1] + ticks[2] + ticks[5] + ticks[6]) / hz, (ticks[3] + ticks[4]) / hz, ticks[7] / hz)
    }

    /// What happened from `start` to this sample.
    func since(_ start: UsageSample) -> UsageDelta {
        var delta = UsageDelta(
            seconds: (wall - start.wall).seconds, user: user - start.user, system: system - start.system,
            minorFaults: minorFaults - start.minorFaults, majorFaults: majorFaults - start.majorFaults,
            voluntarySwitches: voluntarySwitches - start.voluntarySwitches,
            involuntarySwitches: involuntarySwitches - start.involuntarySwitches, maxResidentKB: maxResidentKB
        )
        if let now = machine, let then = start.machine {
            delta.machineBusy = now.busy - then.busy
            delta.steal = now.steal - then.steal
        }
        return delta
    }
}

struct UsageDelta {
    var seconds: Double
    var user: Double
    var system: Double
    var minorFaults: Int
    var majorFaults: Int
    var voluntarySwitches: Int
    var involuntarySwitches: Int
    var maxResidentKB: Int
    var machineBusy: Double?
    var steal: Double?

    var cpu: Double { user + system }
    /// The process's CPU as a share of one core, `145` for 1.45 cores.
    var coresPercent: Double { cpu / seconds * 100 }
    /// Busy time of every other process (and the kernel's interrupts) as a share of one core.
    var othersPercent: Double? { machineBusy.map { max(0, $0 - cpu) / seconds * 100 } }
    /// Time the hypervisor gave to other machines while this one wanted to run, as a share of one core.
    var stealPercent: Double? { steal.map { $0 / seconds * 100 } }

    /// `CPU 402 µs a case = 190% of a core; others 3% of a core, steal 0.0%; 1234 minor faults (0.1 a case), …; max RSS 113 MB`
    ///
    /// User and system time are not printed apart: Linux splits a thread's run time between them by tick
    /// samples, scaled to stay monotonic, so over a window of seconds the split can read "system 0" while
    /// the sum stays exact.
    func line(per units: Int, unit: String) -> String {
        let count = Double(max(1, units))
        var parts = ["CPU \(format(cpu / count * 1e6, 0)) µs a \(unit) = \(format(coresPercent, 0))% of a core"]
        if let others = othersPercent, let steal = stealPercent {
            parts.append("others \(format(others, 0))% of a core, steal \(format(steal, 1))%")
        }
        parts.append("\(minorFaults) minor faults (\(format(Double(minorFaults) / count, 1)) a \(unit)), \(voluntarySwitches) voluntary / \(involuntarySwitches) involuntary switches")
        parts.append("max RSS \(maxResidentKB / 1024) MB")
        return parts.joined(separator: "; ")
    }
}
