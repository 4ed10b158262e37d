wrk.method = "POST"
wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
wrk.body = "CallSid=IDfbf7e812&InstanceId=ID242&AccountSid=AC06&From=3035550000&To=8044731212&CallStatus=ringing&ApiVersion=2012-04-24&Direction=inbound&CallerName=3035550000&ForwardedFrom=null&CallTimestamp=2020-05-26T17%3A59%3A16.555Z&PostStatus=new"
