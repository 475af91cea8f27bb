using TrainingLrs.Cli;

return await TrainingLrsCommand.RunAsync(args, Console.Out, Console.Error);
