var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddShopData();
builder.AddS3Client("models");
builder.AddCrmApiClient();
builder.Services.AddOpenApi();

var app = builder.Build();

app.MapDefaultEndpoints();
app.MapOpenApi();

app.Run();
