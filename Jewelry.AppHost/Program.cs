var builder = DistributedApplication.CreateBuilder(args);
builder.AddJewelryStack();
await builder.Build().RunAsync();
