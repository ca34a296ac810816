using CivicGrid.BrowserTests.Infrastructure;

[assembly: AssemblyFixture(typeof(BrowserFixture))]
