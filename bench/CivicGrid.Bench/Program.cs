Console.WriteLine("用法：dotnet run -c Release --project bench/CivicGrid.Bench -- <benchmark>");
return 0;
