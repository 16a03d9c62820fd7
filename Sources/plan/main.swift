import PlanCLI
#if canImport(Glibc)
import Glibc
#endif

exit(runPlan(arguments: Array(CommandLine.arguments.dropFirst())))
