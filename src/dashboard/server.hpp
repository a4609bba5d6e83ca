#pragma once
// The socket side of the dashboard: cpp-httplib bound to 127.0.0.1 only (decision 0021), every request
// handed to a Dashboard. No request is logged (a URL may hold the token).
#include "dashboard/dashboard.hpp"

#include <atomic>
#include <memory>

namespace httplib {
class Server;
}

namespace rg::dashboard {

class Server {
public:
  // Binds 127.0.0.1:port; port 0 lets the OS choose a free one. Throws FatalError when it cannot.
  explicit Server(int port);
  ~Server();
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  int port() const { return port_; }
  // Answers requests with `dashboard` until stop(); returns false when listening failed.
  bool serve(const Dashboard& dashboard);
  // From another thread: serve() returns once the requests in progress are answered.
  void stop();

private:
  std::unique_ptr<httplib::Server> server_;
  int port_ = 0;
  std::atomic<bool> finished_{false};
};

} // namespace rg::dashboard
