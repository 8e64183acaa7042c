using System.CommandLine;
using CodeRoom.Cli;

var root = new RootCommand("CodeRoom command line: judge a file locally, check the host, verify the problem bank.");
root.Subcommands.Add(JudgeCommand.Create());
root.Subcommands.Add(DoctorCommand.Create());
root.Subcommands.Add(ProblemsCommand.Create());
root.Subcommands.Add(DatabaseCommands.CreateMigrate());
root.Subcommands.Add(StatsCommands.Create());
return await root.Parse(args).InvokeAsync();
