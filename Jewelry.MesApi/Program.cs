var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddMesData();
builder.AddRabbitMQClient("messaging");
builder.AddS3Client("models");
builder.Services.AddOpenApi();

var app = builder.Build();

app.MapDefaultEndpoints();
app.MapOpenApi();

app.Run();
