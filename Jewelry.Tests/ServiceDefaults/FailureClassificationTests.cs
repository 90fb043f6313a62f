using System.Net.Sockets;
using System.Text.Json;
using Jewelry.ServiceDefaults.Errors;
using Jewelry.ServiceDefaults.Npgsql;
using Jewelry.ShopData.Data;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace Jewelry.Tests.ServiceDefaults;

[Trait("Category", "Unit")]
public sealed class FailureClassificationTests
{
    private static bool Unreachable(Exception exception) => DatabaseMigrator<ShopDbContext>.IsUnreachable(exception);

    [Fact]
    public void Migrations_wait_while_the_database_cannot_be_reached()
    {
        Assert.True(Unreachable(new NpgsqlException("Failed to connect", new SocketException((int)SocketError.ConnectionRefused))));
        Assert.True(Unreachable(new TimeoutException()));
        Assert.True(Unreachable(new RetryLimitExceededException("gave up", new NpgsqlException("Failed to connect", new SocketException()))));
        Assert.True(Unreachable(new PostgresException("the database system is starting up", "FATAL", "FATAL", PostgresErrorCodes.CannotConnectNow)));
    }

    [Fact]
    public void Migrations_wait_out_another_service_creating_the_same_database()
        => Assert.True(Unreachable(new PostgresException("database \"shopdb\" already exists", "ERROR", "ERROR", PostgresErrorCodes.DuplicateDatabase)));

    [Fact]
    public void A_broken_migration_fails_the_start()
    {
        Assert.False(Unreachable(new PostgresException("syntax error", "ERROR", "ERROR", PostgresErrorCodes.SyntaxError)));
        Assert.False(Unreachable(new PostgresException("duplicate key", "ERROR", "ERROR", PostgresErrorCodes.UniqueViolation)));
        Assert.False(Unreachable(new InvalidOperationException("The model has pending changes")));
    }

    [Fact]
    public void A_malformed_body_is_described_with_what_the_json_reader_found()
    {
        var exception = new BadHttpRequestException(
            "Failed to read parameter \"CreateOrder request\" from the request body as JSON.",
            StatusCodes.Status400BadRequest,
            new JsonException("'}' is an invalid start of a value. Path: $.material | LineNumber: 0 | BytePositionInLine: 12."));

        Assert.Equal(
            "Failed to read parameter \"CreateOrder request\" from the request body as JSON. '}' is an invalid start of a value. Path: $.material | LineNumber: 0 | BytePositionInLine: 12.",
            BadRequestExceptionHandler.Describe(exception));
    }

    [Fact]
    public void Other_bad_requests_keep_the_framework_message()
        => Assert.Equal(
            "Required parameter \"int page\" was not provided from query string.",
            BadRequestExceptionHandler.Describe(new BadHttpRequestException("Required parameter \"int page\" was not provided from query string.")));
}
