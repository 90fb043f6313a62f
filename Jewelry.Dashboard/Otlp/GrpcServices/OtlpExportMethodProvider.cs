using Google.Protobuf;
using Grpc.AspNetCore.Server.Model;
using Grpc.Core;
using ServiceDescriptor = Google.Protobuf.Reflection.ServiceDescriptor;

namespace Jewelry.Dashboard.Otlp.GrpcServices;

/// <summary>
/// Binds an OTLP collector service's <c>Export</c> method with a request marshaller that refuses a message which is
/// not the protobuf it claims to be as INVALID_ARGUMENT, as the OTLP specification asks for data that cannot be decoded.
/// The generated binding would let the parser's exception escape, which Grpc.AspNetCore reports as UNKNOWN, a server fault.
/// </summary>
internal sealed class OtlpExportMethodProvider<TService, TRequest, TResponse>(
    ServiceDescriptor service,
    Func<TService, TRequest, Task<TResponse>> export) : IServiceMethodProvider<TService>
    where TService : class
    where TRequest : class, IMessage<TRequest>, new()
    where TResponse : class, IMessage<TResponse>
{
    private static readonly MessageParser<TRequest> s_parser = new(() => new TRequest());

    public void OnServiceMethodDiscovery(ServiceMethodProviderContext<TService> context)
    {
        var method = new Method<TRequest, TResponse>(
            MethodType.Unary,
            service.FullName,
            service.Methods.Single().Name,
            new Marshaller<TRequest>(Serialize, Deserialize),
            new Marshaller<TResponse>(Serialize, _ => throw new NotSupportedException("The dashboard only answers Export.")));
        context.AddUnaryMethod(method, [], (instance, request, _) => export(instance, request));
    }

    private static TRequest Deserialize(DeserializationContext context)
    {
        try
        {
            return s_parser.ParseFrom(context.PayloadAsReadOnlySequence());
        }
        catch (InvalidProtocolBufferException exception)
        {
            throw new RpcException(new Status(StatusCode.InvalidArgument, $"The message is not a valid protobuf {typeof(TRequest).Name}: {exception.Message}"));
        }
    }

    private static void Serialize<TMessage>(TMessage message, SerializationContext context)
        where TMessage : IMessage<TMessage>
    {
        context.SetPayloadLength(message.CalculateSize());
        message.WriteTo(context.GetBufferWriter());
        context.Complete();
    }
}
