using CodeRoom.Runner;

return await RunnerHost.RunAsync(args);
